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

/* Where the rows go: a buffer written out to a file whenever it holds a
 * few hundred kilobytes (the export of a 20-year ledger is 15 MB), or kept
 * whole when there is no file (bl_csv_export_members() and _activities()). */
typedef struct {
  GString *out;
  int      fd;      /* -1: kept */
  int      saved;   /* errno of the first write that failed, else 0 */
} CsvWriter;

#define WRITE_AT (256 * 1024)

static void
writer_init (CsvWriter *writer,
             int        fd)
{
  writer->out = g_string_sized_new (fd >= 0 ? WRITE_AT + 64 * 1024 : 64 * 1024);
  writer->fd = fd;
  writer->saved = 0;
}

/* Out to the file; after a write that failed (errno in writer->saved)
 * the rest is dropped. */
static void
writer_flush (CsvWriter *writer)
{
  if (writer->fd < 0)
    return;
  if (writer->saved == 0 && !bl_disk_write_all (writer->fd, writer->out->str, writer->out->len))
    writer->saved = errno != 0 ? errno : ENOSPC;
  g_string_truncate (writer->out, 0);
}

static void
end_row (CsvWriter *writer)
{
  g_string_append (writer->out, "\r\n");
  if (writer->fd >= 0 && writer->out->len >= WRITE_AT)
    writer_flush (writer);
}

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
  if (quote)
    bl_csv_append_quoted (out, value, guard);
  else
    g_string_append (out, value);
}

static void
append_header (CsvWriter         *writer,
               const BlCsvColumn *columns,
               guint              n_columns)
{
  g_string_append (writer->out, BOM);
  for (guint c = 0; c < n_columns; c++)
    append_cell (writer->out, columns[c].chinese, c == 0);
  end_row (writer);
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

static void
write_members (CsvWriter *writer,
               BlStore   *store)
{
  GListModel *members;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) groups = NULL;
  guint n;

  append_header (writer, bl_csv_member_columns, BL_CSV_MEMBER_N_COLUMNS);
  members = bl_store_get_members (store);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      const char *values[BL_CSV_MEMBER_N_COLUMNS];

      bl_csv_member_fields (member, values);
      for (guint c = 0; c < BL_CSV_MEMBER_N_COLUMNS; c++)
        append_cell (writer->out, values[c], c == 0);
      end_row (writer);
      g_hash_table_add (used, (gpointer) g_intern_string (bl_member_get_group (member)));
    }

  /* A party group nobody belongs to any more still has its meetings. */
  groups = bl_store_list_groups (store);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_hash_table_contains (used, groups[i]))
        continue;
      for (guint c = 0; c < BL_CSV_MEMBER_N_COLUMNS; c++)
        append_cell (writer->out, c == BL_CSV_MEMBER_GROUP ? groups[i] : NULL, c == 0);
      end_row (writer);
    }
}

char *
bl_csv_export_members (BlStore  *store,
                       GError  **error)
{
  CsvWriter writer;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  writer_init (&writer, -1);
  write_members (&writer, store);
  return g_string_free (writer.out, FALSE);
}

/* The names of the ledger's members, for the lists to read back as written. */
typedef struct {
  GHashTable *names;
  BlCsvNames  lookup;
  gboolean    plain;    /* no name holds a separator or a parenthesis */
} ExportNames;

/* The set's own copy of the name: any non-NULL will do. */
static gconstpointer
find_name_cb (const char *name,
              gpointer    user_data)
{
  return g_hash_table_lookup (user_data, name);
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
  names->lookup.find = find_name_cb;
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

/* What the plain join writes for one mark; @out NULL only counts it. */
static gsize
put_plain (char                   *out,
           const BlAttendanceMark *mark,
           gboolean                first)
{
  static const char separator[] = "、";
  const char *parts[5] = { first ? "" : separator, mark->member_name, NULL };
  gsize length = 0;

  if (mark->state == BL_ATTENDANCE_LEAVE)
    {
      parts[2] = "(";
      parts[3] = *mark->reason != '\0' ? mark->reason : "其他";
      parts[4] = ")";
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts) && parts[i] != NULL; i++)
    {
      gsize part = strlen (parts[i]);

      if (out != NULL)
        memcpy (out + length, parts[i], part);
      length += part;
    }
  return length;
}

/* Measured, then written into one block: a million names in an export. */
char *
bl_csv_join_attendance_plain (const BlAttendanceMark *marks,
                              guint                   n_marks,
                              gboolean                present)
{
  gsize length = 0;
  char *out;

  g_return_val_if_fail (marks != NULL || n_marks == 0, NULL);

  for (guint i = 0; i < n_marks; i++)
    if ((marks[i].state == BL_ATTENDANCE_PRESENT) == present)
      length += put_plain (NULL, &marks[i], length == 0);
  out = g_malloc (length + 1);
  length = 0;
  for (guint i = 0; i < n_marks; i++)
    if ((marks[i].state == BL_ATTENDANCE_PRESENT) == present)
      length += put_plain (out + length, &marks[i], length == 0);
  out[length] = '\0';
  return out;
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

typedef struct {
  CsvWriter   *writer;
  BlStore     *store;
  ExportNames  names;
} ActivitiesExport;

/* One activity's row, its attendance as the ledger holds it. */
static gboolean
write_activity_cb (BlActivity              *activity,
                   const BlAttendanceMark  *marks,
                   guint                    n_marks,
                   gpointer                 user_data,
                   GError                 **error)
{
  ActivitiesExport *export = user_data;
  g_autofree char *present = join_attendance (&export->names, marks, n_marks, TRUE);
  g_autofree char *absent = join_attendance (&export->names, marks, n_marks, FALSE);
  g_autofree char *tags = bl_tags_join (bl_activity_get_tags (activity));
  g_autofree char *names_cell = NULL;
  g_autofree char *captions = NULL;
  char expected_text[16] = "", attended_text[16] = "", number[32];
  const char *values[BL_CSV_ACTIVITY_N_EXPORTED] = { NULL };

  if (n_marks > 0)
    {
      g_snprintf (expected_text, sizeof expected_text, "%u", n_marks);
      g_snprintf (attended_text, sizeof attended_text, "%u", bl_activity_get_present_count (activity));
    }
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, bl_activity_get_id (activity));
  if (!bl_csv_attachments_cells (export->store, activity, &names_cell, &captions, error))
    return FALSE;
  bl_csv_activity_fields (activity, values);
  values[BL_CSV_ACTIVITY_PRESENT] = present;
  values[BL_CSV_ACTIVITY_ABSENT] = absent;
  values[BL_CSV_ACTIVITY_TAGS] = tags;
  values[BL_CSV_ACTIVITY_EXPECTED] = expected_text;
  values[BL_CSV_ACTIVITY_ATTENDED] = attended_text;
  values[BL_CSV_ACTIVITY_NUMBER] = number;
  values[BL_CSV_ACTIVITY_ATTACHMENTS] = names_cell;
  values[BL_CSV_ACTIVITY_ATTACHMENT_CAPTIONS] = captions;
  for (guint c = 0; c < BL_CSV_ACTIVITY_N_EXPORTED; c++)
    append_cell (export->writer->out, values[c], c == 0);
  end_row (export->writer);
  return TRUE;
}

/* Every activity in turn, each read with its attendance as its row is
 * written: a 20-year ledger's million attendance rows are never held at
 * once. */
static gboolean
write_activities (CsvWriter  *writer,
                  BlStore    *store,
                  GError    **error)
{
  ActivitiesExport export = { writer, store, { 0 } };
  gboolean ok;

  if (!export_names_init (&export.names, store, error))
    return FALSE;
  append_header (writer, bl_csv_activity_columns, BL_CSV_ACTIVITY_N_EXPORTED);
  ok = bl_store_foreach_activity (store, NULL, NULL, write_activity_cb, &export, error);
  g_hash_table_unref (export.names.names);
  return ok;
}

char *
bl_csv_export_activities (BlStore  *store,
                          GError  **error)
{
  CsvWriter writer;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  writer_init (&writer, -1);
  if (!write_activities (&writer, store, error))
    {
      g_string_free (writer.out, TRUE);
      return NULL;
    }
  return g_string_free (writer.out, FALSE);
}

/* Writing */

typedef gboolean (*WriteFunc) (CsvWriter  *writer,
                               BlStore    *store,
                               GError    **error);

static gboolean
write_members_cb (CsvWriter  *writer,
                  BlStore    *store,
                  GError    **error)
{
  write_members (writer, store);
  return TRUE;
}

/* @path's contents, written by @write, in full to a new temporary file
 * beside it, 0600 from the start and flushed to the disk; its name in
 * *@temporary. */
static gboolean
write_temporary (const char  *path,
                 BlStore     *store,
                 WriteFunc    write,
                 char       **temporary,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CsvWriter writer;
  gboolean written;
  int fd, saved;

  fd = bl_disk_open_beside (path, temporary);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, _("Cannot create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  writer_init (&writer, fd);
  written = write (&writer, store, &local_error);
  writer_flush (&writer);
  g_string_free (writer.out, TRUE);
  saved = writer.saved;
  if (written && saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && written && saved == 0)
    saved = errno;
  if (!written || saved != 0)
    {
      if (!written)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, _("Cannot write “%s”: %s"), path, g_strerror (saved));
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
  /* The files first: activities.csv never names one that is not there. */
  if (!bl_csv_attachments_write_dir (store, dir, error))
    return FALSE;

  /* Both in full first: a full disk stops the export before either file
   * is replaced. */
  members_path = g_build_filename (dir, "members.csv", NULL);
  activities_path = g_build_filename (dir, "activities.csv", NULL);
  if (!write_temporary (members_path, store, write_members_cb, &members_temporary, error))
    return FALSE;
  if (!write_temporary (activities_path, store, write_activities, &activities_temporary, error))
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
