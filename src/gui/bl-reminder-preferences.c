/* bl-reminder-preferences.c: the reminder settings, bound to GSettings; the
 * reminder service reacts to each change (autostart entry, background hold) */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-date.h"
#include "bl-reminder-preferences.h"
#include "bl-reminder-service.h"

struct _BlReminderPreferences
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;

  AdwActionRow        *enabled_row;
  GtkSwitch           *enabled_switch;
  AdwActionRow        *closed_row;
  GtkSwitch           *closed_switch;
  AdwActionRow        *quiet_row;
  GtkSpinButton       *quiet_spin;
  AdwActionRow        *month_row;
  GtkSpinButton       *month_spin;
  AdwActionRow        *quarter_row;
  GtkSpinButton       *quarter_spin;
  AdwActionRow        *half_row;
  GtkSpinButton       *half_spin;
  AdwActionRow        *year_row;
  GtkSpinButton       *year_spin;
};

G_DEFINE_FINAL_TYPE (BlReminderPreferences, bl_reminder_preferences, ADW_TYPE_PREFERENCES_GROUP)

/* The quiet time is kept as "HH:MM"; the spin button counts minutes. */
static gboolean
quiet_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  int minutes = 0;

  if (!bl_time_parse (g_variant_get_string (variant, NULL), &minutes))
    minutes = 0;
  g_value_set_double (value, minutes);
  return TRUE;
}

static GVariant *
quiet_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  int minutes = (int) g_value_get_double (value);

  return g_variant_new_take_string (g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60));
}

static gboolean
quiet_output_cb (GtkSpinButton *spin,
                 gpointer       user_data)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
quiet_input_cb (GtkSpinButton *spin,
                double        *new_value,
                gpointer       user_data)
{
  int minutes = 0;

  if (!bl_time_parse (gtk_editable_get_text (GTK_EDITABLE (spin)), &minutes))
    return GTK_INPUT_ERROR;
  *new_value = minutes;
  return TRUE;
}

static void
bind_sensitive (BlReminderPreferences *self,
                AdwActionRow          *row)
{
  g_settings_bind (self->settings, BL_SETTINGS_REMINDERS_ENABLED, row, "sensitive", G_SETTINGS_BIND_GET);
}

static void
bl_reminder_preferences_dispose (GObject *object)
{
  BlReminderPreferences *self = BL_REMINDER_PREFERENCES (object);

  /* The rows live in the group's own list, not as our direct children:
   * AdwPreferencesGroup tears them down (gtk_widget_dispose_template()
   * would unparent them a second time). */
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bl_reminder_preferences_parent_class)->dispose (object);
}

static void
bl_reminder_preferences_class_init (BlReminderPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_reminder_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-reminder-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, enabled_row);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, closed_row);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, quiet_row);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, quiet_spin);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, month_row);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, month_spin);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, quarter_spin);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, half_row);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, half_spin);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, year_row);
  gtk_widget_class_bind_template_child (widget_class, BlReminderPreferences, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, quiet_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, quiet_output_cb);
}

static void
bl_reminder_preferences_init (BlReminderPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bl_reminder_preferences_new (void)
{
  g_autoptr(GSettings) settings = bl_reminder_settings_new ();
  BlReminderPreferences *self;

  if (settings == NULL)
    return NULL;

  self = g_object_new (BL_TYPE_REMINDER_PREFERENCES, NULL);
  self->settings = g_steal_pointer (&settings);

  g_settings_bind (self->settings, BL_SETTINGS_REMINDERS_ENABLED, self->enabled_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, BL_SETTINGS_REMIND_WHEN_CLOSED, self->closed_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, BL_SETTINGS_QUIET_UNTIL, self->quiet_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, quiet_get_mapping, quiet_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, BL_SETTINGS_LEAD_DAYS_MONTH, self->month_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, BL_SETTINGS_LEAD_DAYS_QUARTER, self->quarter_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, BL_SETTINGS_LEAD_DAYS_HALF, self->half_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, BL_SETTINGS_LEAD_DAYS_YEAR, self->year_spin, "value", G_SETTINGS_BIND_DEFAULT);

  bind_sensitive (self, self->closed_row);
  bind_sensitive (self, self->quiet_row);
  bind_sensitive (self, self->month_row);
  bind_sensitive (self, self->quarter_row);
  bind_sensitive (self, self->half_row);
  bind_sensitive (self, self->year_row);

  return GTK_WIDGET (self);
}
