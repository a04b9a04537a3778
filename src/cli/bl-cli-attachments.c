/* bl-cli-attachments.c: --attach ID FILE… and --detach ID NAME… */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli-private.h"
#include "bl-store-attachments.h"

/* One activity number; FALSE after a message. */
static gboolean
parse_id (const char *option,
          const char *text,
          gint64     *id)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 number = 0;

  if (!g_ascii_string_to_unsigned (clean, 10, 1, G_MAXINT64, &number, NULL))
    {
      /* TRANSLATORS: %s is an option ("--attach"), then what was given as the activity number */
      g_printerr (_("%s: “%s” is not an activity number\n"), option, text != NULL ? text : "");
      return FALSE;
    }
  *id = (gint64) number;
  return TRUE;
}

gboolean
bl_cli_check_remaining (GVariantDict       *options,
                        const char * const *rest)
{
  gboolean attach = g_variant_dict_contains (options, "attach");
  gboolean detach = g_variant_dict_contains (options, "detach");
  guint n = rest != NULL ? g_strv_length ((char **) rest) : 0;

  if (attach && detach)
    {
      g_printerr (_("--attach and --detach cannot be given together\n"));
      return FALSE;
    }
  if (attach && n == 0)
    {
      g_printerr (_("--attach needs the files to attach after the activity number, for example: "
                    "--attach 12 会议照片.jpg 签到表.pdf\n"));
      return FALSE;
    }
  if (detach && n == 0)
    {
      g_printerr (_("--detach needs the names of the attachments to remove after the activity number, "
                    "for example: --detach 12 会议照片.jpg\n"));
      return FALSE;
    }
  if (!attach && !detach && n > 0)
    {
      g_autofree char *shown = g_filename_display_name (rest[0]);

      /* TRANSLATORS: %s is an argument given without an option */
      g_printerr (_("“%s” follows no option: files are attached with --attach ID FILE…\n"), shown);
      return FALSE;
    }
  return TRUE;
}

int
bl_cli_attach (BlStore            *store,
               const char         *id_text,
               const char * const *rest)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint n;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);

  if (!parse_id ("--attach", id_text, &id))
    return BL_EXIT_BAD_INPUT;
  n = rest != NULL ? g_strv_length ((char **) rest) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (rest[i]));

  if (!bl_store_attach_files (store, id, (GFile **) files->pdata, files->len, BL_ATTACHMENT_ADD_NONE, &error))
    {
      g_printerr ("%s\n", error->message);
      /* TRANSLATORS: %lld is an activity's number */
      g_printerr (_("Nothing was attached to activity %lld\n"), (long long) id);
      return BL_EXIT_BAD_INPUT;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Attached %u file to activity %lld\n",
                        "Attached %u files to activity %lld\n", files->len),
           files->len, (long long) id);
  return BL_EXIT_OK;
}

int
bl_cli_detach (BlStore            *store,
               const char         *id_text,
               const char * const *rest)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint n;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);

  if (!parse_id ("--detach", id_text, &id))
    return BL_EXIT_BAD_INPUT;
  n = rest != NULL ? g_strv_length ((char **) rest) : 0;

  /* Every name, or none: one transaction. */
  if (!bl_store_begin (store, &error))
    return bl_cli_bad_input (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_filename_display_name (rest[i]);

      if (!bl_store_detach (store, id, name, &error))
        {
          bl_store_rollback (store);
          g_printerr ("%s\n", error->message);
          g_printerr (_("Nothing was removed from activity %lld\n"), (long long) id);
          return BL_EXIT_BAD_INPUT;
        }
    }
  if (!bl_store_commit (store, &error))
    {
      bl_store_rollback (store);
      g_printerr ("%s\n", error->message);
      return BL_EXIT_BAD_INPUT;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Removed %u attachment from activity %lld\n",
                        "Removed %u attachments from activity %lld\n", n),
           n, (long long) id);
  return BL_EXIT_OK;
}
