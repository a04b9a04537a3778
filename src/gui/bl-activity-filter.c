/* bl-activity-filter.c: which activities the Activities page shows */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bl-activity-filter.h"

struct _BlActivityFilter
{
  GtkFilter  parent_instance;

  char      *search;       /* casefolded, NULL for none */
  char      *kind;         /* kind id, NULL for all */
  char      *date_prefix;  /* "YYYY-" or "YYYY-MM-", NULL for all */
  int        month;        /* 1–12 of any year, 0 for all */
  int        status;       /* -1 for all, else a BlActivityStatus */
};

G_DEFINE_FINAL_TYPE (BlActivityFilter, bl_activity_filter, GTK_TYPE_FILTER)

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
bl_activity_filter_match (GtkFilter *filter,
                          gpointer   item)
{
  BlActivityFilter *self = BL_ACTIVITY_FILTER (filter);
  BlActivity *activity = item;
  const char *date = bl_activity_get_date (activity);

  if (self->status >= 0 && (int) bl_activity_get_status (activity) != self->status)
    return FALSE;
  if (self->kind != NULL && g_strcmp0 (bl_activity_get_kind (activity), self->kind) != 0)
    return FALSE;
  if (self->date_prefix != NULL && (date == NULL || !g_str_has_prefix (date, self->date_prefix)))
    return FALSE;
  if (self->month > 0)
    {
      /* A month of any year: "YYYY-MM-DD" */
      if (date == NULL || strlen (date) < 7 || atoi (date + 5) != self->month)
        return FALSE;
    }
  if (self->search != NULL)
    return contains_casefolded (bl_activity_get_topic (activity), self->search) ||
           contains_casefolded (bl_activity_get_content (activity), self->search) ||
           contains_casefolded (bl_activity_get_host (activity), self->search) ||
           contains_casefolded (bl_activity_get_lecturer (activity), self->search) ||
           contains_casefolded (bl_activity_get_location (activity), self->search);
  return TRUE;
}

static GtkFilterMatch
bl_activity_filter_get_strictness (GtkFilter *filter)
{
  return bl_activity_filter_is_active (BL_ACTIVITY_FILTER (filter)) ? GTK_FILTER_MATCH_SOME
                                                                    : GTK_FILTER_MATCH_ALL;
}

static void
bl_activity_filter_finalize (GObject *object)
{
  BlActivityFilter *self = BL_ACTIVITY_FILTER (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->date_prefix, g_free);

  G_OBJECT_CLASS (bl_activity_filter_parent_class)->finalize (object);
}

static void
bl_activity_filter_class_init (BlActivityFilterClass *klass)
{
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bl_activity_filter_finalize;
  filter_class->match = bl_activity_filter_match;
  filter_class->get_strictness = bl_activity_filter_get_strictness;
}

static void
bl_activity_filter_init (BlActivityFilter *self)
{
  self->status = -1;
}

BlActivityFilter *
bl_activity_filter_new (void)
{
  return g_object_new (BL_TYPE_ACTIVITY_FILTER, NULL);
}

void
bl_activity_filter_set_search (BlActivityFilter *self,
                               const char       *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (BL_IS_ACTIVITY_FILTER (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  folded = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
  if (g_strcmp0 (folded, self->search) == 0)
    return;

  /* Typing on narrows the list; deleting widens it: the filter model then
   * only looks at the rows that can change. */
  if (self->search == NULL || (folded != NULL && strstr (folded, self->search) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self), change);
}

void
bl_activity_filter_set_fields (BlActivityFilter *self,
                               const char       *kind,
                               int               year,
                               int               month,
                               int               status)
{
  g_return_if_fail (BL_IS_ACTIVITY_FILTER (self));
  g_return_if_fail (month >= 0 && month <= 12);

  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_clear_pointer (&self->date_prefix, g_free);
  self->month = 0;
  if (year > 0 && month > 0)
    self->date_prefix = g_strdup_printf ("%04d-%02d-", year, month);
  else if (year > 0)
    self->date_prefix = g_strdup_printf ("%04d-", year);
  else
    self->month = month;
  self->status = status;

  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
bl_activity_filter_get_kind (BlActivityFilter *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_FILTER (self), NULL);

  return self->kind;
}

gboolean
bl_activity_filter_is_active (BlActivityFilter *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_FILTER (self), FALSE);

  return self->search != NULL || self->kind != NULL || self->date_prefix != NULL ||
         self->month > 0 || self->status >= 0;
}
