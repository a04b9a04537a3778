/* bl-csv-export.c: the ledger as members.csv and activities.csv */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bl-csv-attachments.h"
#include "bl-csv-export.h"
#include "bl-csv-names.h"
#include "bl-csv-private.h"
#include "bl-disk.h"
#include "bl-text.h"

#define BOM "\xef\xbb\xbf"

/* RFC 4180 quoting; a cell a spreadsheet would run as a formula, or whose
 * leading blank or apostrophe it would drop, gets a leading apostrophe
 * (and quotes). */
static void
append_cell (GString    *out,
             const char *value,
             gboolean    first)
{
  gboolean guard, quote;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL || *value == '\0')
    return;

  guard = bl_csv_needs_guard (value);
  quote = guard || strpbrk (value, ",\"\r\n") != NULL || g_ascii_isspace (value[strlen (value) - 1]);
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_header (GString           *out,
               const BlCsvColumn *columns,
               guint              n_columns)
{
  g_string_append (out, BOM);
  for (guint c = 0; c < n_columns; c++)
    append_cell (out, columns[c].chinese, c == 0);
  g_string_append (out, "\r\n");
}

G_STATIC_ASSERT (BL_CSV_MEMBER_N_FIELDS == BL_CSV_MEMBER_N_COLUMNS);
G_STATIC_ASSERT (BL_CSV_ACTIVITY_N_FIELDS == BL_CSV_ACTIVITY_EXPECTED);

void
bl_csv_member_fields (BlMember   *member,
                      const char *fields[BL_CSV_MEMBER_N_FIELDS])
{
  g_return_if_fail (BL_IS_MEMBER (member));
  g_return_if_fail (fields != NULL);

  fields[BL_CSV_MEMBER_NAME] = bl_member_get_name (member);
  fields[BL_CSV_MEMBER_GROUP] = bl_member_get_group (member);
  fields[BL_CSV_MEMBER_CATEGORY] = bl_member_category_to_chinese (bl_member_get_category (member));
  fields[BL_CSV_MEMBER_ROLE] = bl_member_role_to_chinese (bl_member_get_role (member));
  fields[BL_CSV_MEMBER_JOINED] = bl_member_get_joined (member);
  fields[BL_CSV_MEMBER_PHONE] = bl_member_get_phone (member);
  fields[BL_CSV_MEMBER_STATUS] = bl_member_status_to_chinese (bl_member_get_status (member));
  fields[BL_CSV_MEMBER_TRANSFERRED_ON] = bl_member_get_transferred_on (member);
  fields[BL_CSV_MEMBER_TRANSFERRED_TO] = bl_member_get_transferred_to (member);
}

void
bl_csv_activity_fields (BlActivity *activity,
                        const char *fields[BL_CSV_ACTIVITY_N_FIELDS])
{
  const char *kind;

  g_return_if_fail (BL_IS_ACTIVITY (activity));
  g_return_if_fail (fields != NULL);

  kind = bl_activity_get_kind (activity);
  fields[BL_CSV_ACTIVITY_KIND] = bl_kind_is_builtin_id (kind) ? bl_kind_builtin_chinese_name (kind) : kind;
  fields[BL_CSV_ACTIVITY_DATE] = bl_activity_get_date (activity);
  fields[BL_CSV_ACTIVITY_START] = bl_activity_get_start_time (activity);
  fields[BL_CSV_ACTIVITY_END] = bl_activity_get_end_time (activity);
  fields[BL_CSV_ACTIVITY_TOPIC] = bl_activity_get_topic (activity);
  fields[BL_CSV_ACTIVITY_LOCATION] = bl_activity_get_location (activity);
  fields[BL_CSV_ACTIVITY_HOST] = bl_activity_get_host (activity);
  fields[BL_CSV_ACTIVITY_RECORDER] = bl_activity_get_recorder (activity);
  fields[BL_CSV_ACTIVITY_LECTURER] = bl_activity_get_lecturer (activity);
  fields[BL_CSV_ACTIVITY_GROUP] = bl_activity_get_group (activity);
  fields[BL_CSV_ACTIVITY_PRESENT] = NULL;
  fields[BL_CSV_ACTIVITY_ABSENT] = NULL;
  fields[BL_CSV_ACTIVITY_GUESTS] = bl_activity_get_guests (activity);
  fields[BL_CSV_ACTIVITY_TAGS] = NULL;
  fields[BL_CSV_ACTIVITY_STATUS] = bl_activity_status_to_chinese (bl_activity_get_status (activity));
  fields[BL_CSV_ACTIVITY_CONTENT] = bl_activity_get_content (activity);
  fields[BL_CSV_ACTIVITY_RESOLUTIONS] = bl_activity_get_resolutions (activity);
  fields[BL_CSV_ACTIVITY_FIRST_TOPIC] = bl_activity_get_first_topic (activity) ? "是" : "否";
}

char *
bl_csv_export_members (BlStore  *store,
                       GError  **error)
{
  GListModel *members;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) groups = NULL;
  GString *out;
  guint n;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  out = g_string_new (NULL);
  append_header (out, bl_csv_member_columns, BL_CSV_MEMBER_N_COLUMNS);
  members = bl_store_get_members (store);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      const char *values[BL_CSV_MEMBER_N_COLUMNS];

      bl_csv_member_fields (member, values);
      for (guint c = 0; c < BL_CSV_MEMBER_N_COLUMNS; c++)
        append_cell (out, values[c], c == 0);
      g_string_append (out, "\r\n");
      g_hash_table_add (used, (gpointer) g_intern_string (bl_member_get_group (member)));
    }

  /* A party group nobody belongs to any more still has its meetings. */
  groups = bl_store_list_groups (store);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_hash_table_contains (used, groups[i]))
        continue;
      for (guint c = 0; c < BL_CSV_MEMBER_N_COLUMNS; c++)
        append_cell (out, c == BL_CSV_MEMBER_GROUP ? groups[i] : NULL, c == 0);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* The names of the ledger's members, for the lists to read back as written. */
typedef struct {
  GHashTable *names;
  BlCsvNames  lookup;
  gboolean    plain;    /* no name holds a separator or a parenthesis */
} ExportNames;

static gboolean
is_name_cb (const char *name,
            gpointer    user_data)
{
  return g_hash_table_contains (user_data, name);
}

static gboolean
export_names_init (ExportNames  *names,
                   BlStore      *store,
                   GError      **error)
{
  g_autoptr(GPtrArray) members = bl_store_list_members (store, error);

  if (members == NULL)
    return FALSE;
  names->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->lookup.is_name = is_name_cb;
  names->lookup.user_data = names->names;
  names->lookup.max_separators = 0;
  names->plain = TRUE;
  for (guint i = 0; i < members->len; i++)
    {
      const char *name = bl_member_get_name (g_ptr_array_index (members, i));
      guint separators = 0;

      for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (bl_csv_names_is_separator (c))
            separators++;
          if (bl_csv_names_is_separator (c) || c == '(' || c == ')' || c == 0xff08 || c == 0xff09)
            names->plain = FALSE;
        }
      names->lookup.max_separators = MAX (names->lookup.max_separators, separators);
      g_hash_table_add (names->names, g_strdup (name));
    }
  return TRUE;
}

char *
bl_csv_join_attendance_plain (const BlAttendanceMark *marks,
                              guint                   n_marks,
                              gboolean                present)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (marks != NULL || n_marks == 0, NULL);

  for (guint i = 0; i < n_marks; i++)
    {
      const BlAttendanceMark *a = &marks[i];

      if ((a->state == BL_ATTENDANCE_PRESENT) != present)
        continue;
      if (out->len > 0)
        g_string_append (out, "、");
      g_string_append (out, a->member_name);
      if (a->state == BL_ATTENDANCE_LEAVE)
        g_string_append_printf (out, "(%s)", *a->reason != '\0' ? a->reason : "其他");
    }
  return g_string_free (out, FALSE);
}

/* 出席 (@present) or 缺席, with a leave's reason in parentheses ("其他"
 * when none was given). */
static char *
join_attendance (ExportNames            *names,
                 const BlAttendanceMark *marks,
                 guint                   n_marks,
                 gboolean                present)
{
  g_autoptr(GPtrArray) people = NULL;

  /* No name reads another way: joined as they are. */
  if (names->plain)
    return bl_csv_join_attendance_plain (marks, n_marks, present);

  people = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_csv_person_free);
  for (guint i = 0; i < n_marks; i++)
    {
      const BlAttendanceMark *a = &marks[i];
      BlCsvPerson *person;

      if ((a->state == BL_ATTENDANCE_PRESENT) != present)
        continue;
      person = bl_csv_person_new (a->member_name,
                                  a->state != BL_ATTENDANCE_LEAVE ? "" : *a->reason != '\0' ? a->reason : "其他");
      g_ptr_array_add (people, person);
    }
  return bl_csv_names_join (&names->lookup, people, !present);
}

char *
bl_csv_export_activities (BlStore  *store,
                          GError  **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(BlAttendanceTable) attendance = NULL;
  ExportNames names = { 0 };
  GString *out;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  activities = bl_store_list_activities_between (store, NULL, NULL, error);
  if (activities == NULL)
    return NULL;
  attendance = bl_store_load_attendance_between (store, NULL, NULL, error);
  if (attendance == NULL)
    return NULL;
  if (!export_names_init (&names, store, error))
    return NULL;

  out = g_string_new (NULL);
  append_header (out, bl_csv_activity_columns, BL_CSV_ACTIVITY_N_EXPORTED);
  for (guint i = 0; i < activities->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (activities, i);
      guint n_marks, expected = bl_activity_get_expected_count (activity);
      const BlAttendanceMark *marks = bl_attendance_table_lookup (attendance, bl_activity_get_id (activity), &n_marks);
      g_autofree char *present = join_attendance (&names, marks, n_marks, TRUE);
      g_autofree char *absent = join_attendance (&names, marks, n_marks, FALSE);
      g_autofree char *tags = bl_tags_join (bl_activity_get_tags (activity));
      g_autofree char *expected_text = expected > 0 ? g_strdup_printf ("%u", expected) : NULL;
      g_autofree char *attended_text = expected > 0 ? g_strdup_printf ("%u", bl_activity_get_present_count (activity))
                                                    : NULL;
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, bl_activity_get_id (activity));
      g_autofree char *names_cell = NULL;
      g_autofree char *captions = NULL;
      const char *values[BL_CSV_ACTIVITY_N_EXPORTED] = { NULL };

      bl_csv_activity_fields (activity, values);
      values[BL_CSV_ACTIVITY_PRESENT] = present;
      values[BL_CSV_ACTIVITY_ABSENT] = absent;
      values[BL_CSV_ACTIVITY_TAGS] = tags;
      values[BL_CSV_ACTIVITY_EXPECTED] = expected_text;
      values[BL_CSV_ACTIVITY_ATTENDED] = attended_text;
      values[BL_CSV_ACTIVITY_NUMBER] = number;
      if (!bl_csv_attachments_cells (store, activity, &names_cell, &captions, error))
        {
          g_hash_table_unref (names.names);
          g_string_free (out, TRUE);
          return NULL;
        }
      values[BL_CSV_ACTIVITY_ATTACHMENTS] = names_cell;
      values[BL_CSV_ACTIVITY_ATTACHMENT_CAPTIONS] = captions;

      for (guint c = 0; c < BL_CSV_ACTIVITY_N_EXPORTED; c++)
        append_cell (out, values[c], c == 0);
      g_string_append (out, "\r\n");
    }
  g_hash_table_unref (names.names);
  return g_string_free (out, FALSE);
}

/* Writing */

/* @contents in full to a new temporary file beside @path, 0600 from the
 * start and flushed to the disk; its name in *@temporary. */
static gboolean
write_temporary (const char  *path,
                 const char  *contents,
                 char       **temporary,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  gsize length = strlen (contents);
  gboolean complete;
  int fd, saved;

  *temporary = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (*temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, _("Cannot create “%s”: %s"), path, g_strerror (saved));
      g_clear_pointer (temporary, g_free);
      return FALSE;
    }
  complete = bl_disk_write_all (fd, contents, length);
  saved = complete ? 0 : errno;
  if (saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved != 0 || !complete)
    {
      g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved != 0 ? saved : ENOSPC));
      g_unlink (*temporary);
      g_clear_pointer (temporary, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_csv_export_dir (BlStore     *store,
                   const char  *dir,
                   GError     **error)
{
  g_autofree char *members = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *members_path = NULL;
  g_autofree char *activities_path = NULL;
  g_autofree char *members_temporary = NULL;
  g_autofree char *activities_temporary = NULL;
  const char *failed = NULL;
  int saved = 0;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, _("Cannot create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  members = bl_csv_export_members (store, error);
  if (members == NULL)
    return FALSE;
  /* The files first: activities.csv never names one that is not there. */
  if (!bl_csv_attachments_write_dir (store, dir, error))
    return FALSE;
  activities = bl_csv_export_activities (store, error);
  if (activities == NULL)
    return FALSE;

  /* Both in full first: a full disk stops the export before either file
   * is replaced. */
  members_path = g_build_filename (dir, "members.csv", NULL);
  activities_path = g_build_filename (dir, "activities.csv", NULL);
  if (!write_temporary (members_path, members, &members_temporary, error))
    return FALSE;
  if (!write_temporary (activities_path, activities, &activities_temporary, error))
    {
      g_unlink (members_temporary);
      return FALSE;
    }
  if (g_rename (members_temporary, members_path) != 0)
    {
      saved = errno;
      failed = members_path;
      g_unlink (members_temporary);
      g_unlink (activities_temporary);
    }
  else if (g_rename (activities_temporary, activities_path) != 0)
    {
      saved = errno;
      failed = activities_path;
      g_unlink (activities_temporary);
    }
  if (failed != NULL)
    {
      g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, _("Cannot write “%s”: %s"), failed, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
