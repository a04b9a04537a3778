/* bl-undo-stack.c: the Activities page's deletions, undone newest first */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-undo-stack.h"

struct _BlUndoStack
{
  GObject          parent_instance;

  AdwToastOverlay *overlay;
  GPtrArray       *deletions;  /* BlDeletion*, oldest first */
  AdwToast        *toast;      /* the toast shown last, until it is dismissed */
};

G_DEFINE_FINAL_TYPE (BlUndoStack, bl_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The topic of a deletion's one activity, for its toasts (their titles are
 * markup). */
static char *
topic_of (BlDeletion *deletion)
{
  const char *topic = bl_activity_get_topic (bl_deletion_get_activity (deletion, 0));

  return g_markup_escape_text (topic != NULL && *topic != '\0' ? topic : _("(No topic)"), -1);
}

/* What the toast says of @deletion done, or undone when @restored: its one
 * activity's topic, or how many there were. */
static char *
deletion_title (BlDeletion *deletion,
                gboolean    restored)
{
  guint n = bl_deletion_get_n_activities (deletion);
  g_autofree char *topic = NULL;

  if (n != 1)
    return restored ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity restored",
                                                    "%u activities restored", n), n)
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity deleted",
                                                    "%u activities deleted", n), n);
  topic = topic_of (deletion);
  if (restored)
    /* Translators: a toast after an undo, with the activity's topic */
    return g_strdup_printf (_("“%s” restored"), topic);
  /* Translators: a toast after a delete, with the activity's topic */
  return g_strdup_printf (_("“%s” deleted"), topic);
}

static void
toast_dismissed_cb (BlUndoStack *self,
                    AdwToast    *toast)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

static void on_undo_clicked (BlUndoStack *self,
                             AdwToast    *toast);

/* One toast says what happened last: while it is up, it is rewritten rather
 * than dismissed and followed by another (libadwaita 1.2 frees a toast
 * dismissed while it still slides in, and then touches it again). It stays
 * until dismissed; other toasts of the page come and go over it. */
static void
say (BlUndoStack *self,
     const char  *title,
     gboolean     undo_button)
{
  AdwToast *toast;

  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, title);
      adw_toast_set_button_label (self->toast, undo_button ? _("_Undo") : NULL);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, undo_button ? _("_Undo") : NULL);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* An undo is never lost to a timer. */
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->overlay, toast);
}

static void
on_undo_clicked (BlUndoStack *self,
                 AdwToast    *toast)
{
  /* The toast goes once its button is clicked: what the undo has to say
   * goes in a new one. */
  if (self->toast == toast)
    g_clear_object (&self->toast);
  bl_undo_stack_undo (self);
}

static void
bl_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BlUndoStack *self = BL_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DEPTH:
      g_value_set_uint (value, self->deletions->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_undo_stack_dispose (GObject *object)
{
  BlUndoStack *self = BL_UNDO_STACK (object);

  g_clear_object (&self->toast);
  g_clear_object (&self->overlay);

  G_OBJECT_CLASS (bl_undo_stack_parent_class)->dispose (object);
}

static void
bl_undo_stack_finalize (GObject *object)
{
  BlUndoStack *self = BL_UNDO_STACK (object);

  g_clear_pointer (&self->deletions, g_ptr_array_unref);

  G_OBJECT_CLASS (bl_undo_stack_parent_class)->finalize (object);
}

static void
bl_undo_stack_class_init (BlUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bl_undo_stack_get_property;
  object_class->dispose = bl_undo_stack_dispose;
  object_class->finalize = bl_undo_stack_finalize;

  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A deletion put back, its records in the ledger again (as the
   * deletion's activities tell, with their numbers). */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BL_TYPE_DELETION);
}

static void
bl_undo_stack_init (BlUndoStack *self)
{
  self->deletions = g_ptr_array_new_with_free_func (g_object_unref);
}

BlUndoStack *
bl_undo_stack_new (AdwToastOverlay *overlay)
{
  BlUndoStack *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_object_new (BL_TYPE_UNDO_STACK, NULL);
  self->overlay = g_object_ref (overlay);
  return self;
}

void
bl_undo_stack_push (BlUndoStack *self,
                    BlDeletion  *deletion)
{
  g_autofree char *title = NULL;

  g_return_if_fail (BL_IS_UNDO_STACK (self));
  g_return_if_fail (BL_IS_DELETION (deletion));

  g_ptr_array_add (self->deletions, g_object_ref (deletion));

  title = deletion_title (deletion, FALSE);
  say (self, title, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
}

gboolean
bl_undo_stack_undo (BlUndoStack *self)
{
  g_autoptr(BlDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BL_IS_UNDO_STACK (self), FALSE);

  if (self->deletions->len == 0)
    return FALSE;
  deletion = g_object_ref (g_ptr_array_index (self->deletions, self->deletions->len - 1));

  /* All of it in one transaction, each record under its old number. */
  if (!bl_deletion_undo (deletion, &error))
    {
      g_autofree char *reason = g_markup_escape_text (error->message, -1);

      title = g_strdup_printf (_("Cannot undo: %s"), reason);
      if (g_error_matches (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID))
        {
          g_ptr_array_remove (self->deletions, deletion);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
        }
      say (self, title, FALSE);
      return FALSE;
    }

  g_ptr_array_remove (self->deletions, deletion);
  title = deletion_title (deletion, TRUE);
  say (self, title, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
  g_signal_emit (self, signals[RESTORED], 0, deletion);
  return TRUE;
}

guint
bl_undo_stack_get_depth (BlUndoStack *self)
{
  g_return_val_if_fail (BL_IS_UNDO_STACK (self), 0);

  return self->deletions->len;
}
