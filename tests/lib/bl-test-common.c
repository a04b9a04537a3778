/* bl-test-common.c: what the tests share: temporary ledgers and files */
#include "config.h"

#include <glib/gstdio.h>

#include "bl-test-common.h"

static GPtrArray *dirs;

void
bl_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          bl_test_remove_tree (child);
        }
    }
  g_remove (path);
}

static void
remove_dirs (void)
{
  for (guint i = 0; dirs != NULL && i < dirs->len; i++)
    bl_test_remove_tree (g_ptr_array_index (dirs, i));
  g_clear_pointer (&dirs, g_ptr_array_unref);
}

char *
bl_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("branch-ledger-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (dirs == NULL)
    {
      dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_dirs);
    }
  g_ptr_array_add (dirs, g_strdup (dir));
  return dir;
}

BlStore *
bl_test_store_new (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  BlStore *store = bl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

char *
bl_test_write_file (const char *name,
                    const char *contents)
{
  g_autofree char *dir = bl_test_make_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

const char *
bl_test_program (void)
{
  const char *program = g_getenv ("BRANCH_LEDGER_BIN");

  g_assert_nonnull (program);
  return program;
}

int
bl_test_run_program (const char * const  *argv,
                     char               **out,
                     char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (args, (gpointer) bl_test_program ());
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  return -1;
}

int
bl_test_run_as_of_valist (const char  *today,
                          const char  *language,
                          char       **out,
                          char       **err,
                          va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  int status = -1;

  env = g_environ_setenv (env, "BRANCH_LEDGER_TODAY", today, TRUE);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LC_ALL", g_str_equal (language, "zh_CN") ? "zh_CN.UTF-8" : "C.UTF-8", TRUE);
  g_ptr_array_add (argv, (gpointer) bl_test_program ());
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", status, *out, *err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

gint64
bl_test_add_member (BlStore    *store,
                    const char *name,
                    const char *group,
                    int         role)
{
  g_autoptr(BlMember) member = bl_member_new (name);
  g_autoptr(GError) error = NULL;

  bl_member_set_group (member, group);
  bl_member_set_role (member, (BlMemberRole) role);
  bl_store_save_member (store, member, &error);
  g_assert_no_error (error);
  return bl_member_get_id (member);
}

BlActivity *
bl_test_activity_new (const char       *kind,
                      BlActivityStatus  status,
                      const char       *date,
                      const char       *topic)
{
  BlActivity *activity = bl_activity_new ();

  bl_activity_set_kind (activity, kind);
  bl_activity_set_status (activity, status);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  return activity;
}

gint64
bl_test_save_activity (BlStore    *store,
                       BlActivity *activity,
                       GListModel *attendance)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_store_save_activity (store, activity, attendance, &error));
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

gint64
bl_test_add_activity (BlStore          *store,
                      const char       *kind,
                      BlActivityStatus  status,
                      const char       *date,
                      const char       *topic)
{
  g_autoptr(BlActivity) activity = bl_test_activity_new (kind, status, date, topic);

  return bl_test_save_activity (store, activity, NULL);
}
