/* bl-autostart.c: the XDG autostart entry, written when "Remind me when the
 * app is closed" is on so that reminders also come after the next login */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-autostart.h"

char *
bl_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

gboolean
bl_autostart_is_enabled (void)
{
  g_autofree char *path = bl_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* @arg as one argument of a desktop entry's Exec line: in double quotes
 * when it has a reserved character, "%" doubled (the desktop entry spec's
 * rules, not the shell's). */
static char *
quote_exec_arg (const char *arg)
{
  GString *quoted = g_string_new (NULL);
  gboolean needs_quotes = strpbrk (arg, " \t\n\"'\\><~|&;$*?#()`") != NULL;

  if (needs_quotes)
    g_string_append_c (quoted, '"');
  for (const char *p = arg; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append_c (quoted, '%');
      else if (needs_quotes && strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  if (needs_quotes)
    g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

static char *
autostart_contents (void)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  const char *group = G_KEY_FILE_DESKTOP_GROUP;
  /* The installed program by its full path, so that the entry does not
   * depend on the session's PATH; TryExec makes the session skip the entry
   * once that program is uninstalled. */
  g_autofree char *program = g_build_filename (BINDIR, "branch-ledger", NULL);
  g_autofree char *quoted = quote_exec_arg (program);
  g_autofree char *exec = g_strconcat (quoted, " --background", NULL);

  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_NAME, "Branch Ledger");
  g_key_file_set_locale_string (file, group, G_KEY_FILE_DESKTOP_KEY_NAME, "zh_CN", "支部台账");
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Reminders before meeting deadlines");
  g_key_file_set_locale_string (file, group, G_KEY_FILE_DESKTOP_KEY_COMMENT, "zh_CN",
                                "组织生活到期提醒");
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_TRY_EXEC, program);
  g_key_file_set_string (file, group, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (file, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (file, group, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (file, group, "X-GNOME-Autostart-enabled", TRUE);
  return g_key_file_to_data (file, NULL, NULL);
}

gboolean
bl_autostart_set_enabled (gboolean   enabled,
                          GError   **error)
{
  g_autofree char *path = bl_autostart_get_path ();
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot remove %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  contents = autostart_contents ();
  return g_file_set_contents (path, contents, -1, error);
}
