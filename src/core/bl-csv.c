/* bl-csv.c: members.csv and activities.csv (UTF-8, optional BOM, RFC 4180, Chinese or English headers) */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-csv.h"
#include "bl-csv-reader.h"
#include "bl-date.h"
#include "bl-util.h"

G_DEFINE_QUARK (bl-csv-error-quark, bl_csv_error)

#define BOM "\xef\xbb\xbf"

typedef enum {
  COL_UNKNOWN = -1,
  /* members.csv */
  COL_NAME,
  COL_MEMBER_GROUP,
  COL_CATEGORY,
  COL_ROLE,
  COL_JOINED,
  COL_PHONE,
  COL_MEMBER_STATUS,
  COL_TRANSFERRED_ON,
  N_MEMBER_COLUMNS,
} MemberColumn;

typedef enum {
  COL_KIND,
  COL_DATE,
  COL_START,
  COL_END,
  COL_TOPIC,
  COL_LOCATION,
  COL_HOST,
  COL_RECORDER,
  COL_LECTURER,
  COL_GROUP,
  COL_PRESENT,
  COL_ABSENT,
  COL_GUESTS,
  COL_TAGS,
  COL_STATUS,
  COL_CONTENT,
  COL_RESOLUTIONS,
  COL_FIRST_TOPIC,
  N_ACTIVITY_COLUMNS,
} ActivityColumn;

typedef struct {
  const char *chinese;
  const char *english;
  gboolean    required;
} Column;

static const Column member_columns[N_MEMBER_COLUMNS] = {
  { "姓名", "name", TRUE },
  { "党小组", "group", FALSE },
  { "党员类别", "category", FALSE },
  { "职务", "role", FALSE },
  { "入党日期", "joined", FALSE },
  { "电话", "phone", FALSE },
  { "状态", "status", FALSE },
  { "转出日期", "transferred_on", FALSE },
};

static const Column activity_columns[N_ACTIVITY_COLUMNS] = {
  { "类型", "kind", TRUE },
  { "日期", "date", TRUE },
  { "开始时间", "start", FALSE },
  { "结束时间", "end", FALSE },
  { "主题", "topic", TRUE },
  { "地点", "location", FALSE },
  { "主持人", "host", FALSE },
  { "记录人", "recorder", FALSE },
  { "主讲人", "lecturer", FALSE },
  { "党小组", "group", FALSE },
  { "出席", "present", FALSE },
  { "缺席", "absent", FALSE },
  { "列席", "guests", FALSE },
  { "标签", "tags", FALSE },
  { "状态", "status", FALSE },
  { "内容", "content", FALSE },
  { "决议", "resolutions", FALSE },
  { "第一议题", "first_topic", FALSE },
};

/* Collects every problem of a file before giving up, as "FILE:LINE: …", one
 * line each: values quoted from the file are shortened and escaped. */
typedef struct {
  const char *path;
  GString    *messages;
  guint       count;
} Problems;

G_GNUC_PRINTF (3, 4)
static void
problem (Problems   *problems,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = bl_text_format_message (format, args);
  va_end (args);

  if (problems->messages->len > 0)
    g_string_append_c (problems->messages, '\n');
  g_string_append_printf (problems->messages, "%s:%u: %s", problems->path, line, message);
  problems->count++;
}

void
bl_csv_report_init (BlCsvReport *report)
{
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  report->notes = g_ptr_array_new_with_free_func (g_free);
}

void
bl_csv_report_clear (BlCsvReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_clear_pointer (&report->encoding_note, g_free);
}

/* Parsing */

GPtrArray *
bl_csv_parse (const char  *text,
              gsize        length,
              GArray     **lines,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(BlTable) table = NULL;
  g_autoptr(GError) local_error = NULL;

  table = bl_csv_reader_read_bytes ("-", text, length, &local_error);
  if (table == NULL)
    {
      g_set_error_literal (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID, local_error->message);
      return NULL;
    }
  for (guint r = 0; r < bl_table_get_n_rows (table); r++)
    {
      guint line = bl_table_get_position (table, r);

      g_ptr_array_add (rows, g_strdupv ((GStrv) bl_table_get_row (table, r)));
      g_array_append_val (starts, line);
    }
  if (lines != NULL)
    *lines = g_steal_pointer (&starts);
  return g_steal_pointer (&rows);
}

/* Maps header cells to columns; every problem goes into @problems. */
static gboolean
map_header (char         **header,
            const Column  *columns,
            int            n_columns,
            int           *index_of,
            Problems      *problems)
{
  guint before = problems->count;

  for (int c = 0; c < n_columns; c++)
    index_of[c] = -1;

  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));
      int found = -1;

      if (*name == '\0')
        continue;
      for (int c = 0; c < n_columns && found < 0; c++)
        if (g_str_equal (name, columns[c].chinese) || g_ascii_strcasecmp (name, columns[c].english) == 0)
          found = c;
      if (found < 0)
        problem (problems, 1, _("unknown column “%s”"), name);
      else if (index_of[found] >= 0)
        problem (problems, 1, _("the column “%s” appears twice"), name);
      else
        index_of[found] = i;
    }
  for (int c = 0; c < n_columns; c++)
    if (columns[c].required && index_of[c] < 0)
      problem (problems, 1, _("the required column “%s” (%s) is missing"), columns[c].chinese, columns[c].english);
  return problems->count == before;
}

/* A cell, trimmed; a leading apostrophe that export added before = + - @ is dropped. */
static char *
cell (char       **row,
      const int   *index_of,
      int          column)
{
  int i = index_of[column];
  char *value;

  if (i < 0 || i >= (int) g_strv_length (row))
    return g_strdup ("");
  value = g_strstrip (g_strdup (row[i]));
  if (value[0] == '\'' && strchr ("=+-@", value[1]) != NULL && value[1] != '\0')
    memmove (value, value + 1, strlen (value));
  return value;
}

/* Minutes and resolutions keep their text exactly, blanks included. */
static char *
cell_text (char       **row,
           const int   *index_of,
           int          column)
{
  int i = index_of[column];
  const char *value;

  if (i < 0 || i >= (int) g_strv_length (row))
    return g_strdup ("");
  value = row[i];
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@", value[1]) != NULL)
    value++;
  return g_strdup (value);
}

static gboolean
fail_with_problems (Problems  *problems,
                    GError   **error)
{
  g_set_error_literal (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID, problems->messages->str);
  return FALSE;
}

static GPtrArray *
load_rows (const char   *path,
           GArray      **lines,
           Problems     *problems,
           BlCsvReport  *report,
           GError      **error)
{
  g_autoptr(BlTable) table = NULL;
  g_autoptr(GError) read_error = NULL;
  GPtrArray *rows;

  table = bl_csv_reader_read_file (path, &read_error);
  if (table == NULL)
    {
      g_set_error_literal (error, BL_CSV_ERROR,
                           g_error_matches (read_error, BL_TABLE_ERROR, BL_TABLE_ERROR_IO) ? BL_CSV_ERROR_IO
                                                                                           : BL_CSV_ERROR_INVALID,
                           read_error->message);
      return NULL;
    }
  if (bl_table_get_n_rows (table) == 0)
    {
      problem (problems, 1, _("the file is empty: it needs a header row"));
      fail_with_problems (problems, error);
      return NULL;
    }
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < bl_table_get_n_rows (table); r++)
    {
      guint line = bl_table_get_position (table, r);

      g_ptr_array_add (rows, g_strdupv ((GStrv) bl_table_get_row (table, r)));
      g_array_append_val (*lines, line);
    }
  if (report != NULL)
    {
      g_free (report->encoding_note);
      report->encoding_note = bl_text_encoding_note (bl_table_get_encoding (table));
    }
  return rows;
}

static gboolean
valid_date_or_empty (const char *text)
{
  GDate date;

  return *text == '\0' || bl_date_parse (text, &date);
}

/* Members */

/* @today: a member marked transferred without a date left on that day. */
static void
apply_member_row (BlMember   *member,
                  const char *today,
                  char      **row,
                  const int  *index_of,
                  guint       line,
                  Problems   *problems)
{
  g_autofree char *group = cell (row, index_of, COL_MEMBER_GROUP);
  g_autofree char *category = cell (row, index_of, COL_CATEGORY);
  g_autofree char *role = cell (row, index_of, COL_ROLE);
  g_autofree char *joined = cell (row, index_of, COL_JOINED);
  g_autofree char *phone = cell (row, index_of, COL_PHONE);
  g_autofree char *status = cell (row, index_of, COL_MEMBER_STATUS);
  g_autofree char *transferred_on = cell (row, index_of, COL_TRANSFERRED_ON);
  BlMemberCategory category_value = BL_MEMBER_CATEGORY_FULL;
  BlMemberRole role_value = BL_MEMBER_ROLE_NONE;
  BlMemberStatus status_value = BL_MEMBER_STATUS_ACTIVE;

  if (*category != '\0' && !bl_member_category_parse (category, &category_value))
    problem (problems, line, _("“%s” is not a member category (正式党员 or 预备党员)"), category);
  if (*role != '\0' && !bl_member_role_parse (role, &role_value))
    problem (problems, line, _("“%s” is not a role (书记, 副书记, 组织委员, 宣传委员, 纪检委员, 委员 or empty)"), role);
  if (!valid_date_or_empty (joined))
    problem (problems, line, _("“%s” is not a date (YYYY-MM-DD)"), joined);
  if (*status != '\0' && !bl_member_status_parse (status, &status_value))
    problem (problems, line, _("“%s” is not a status (在册 or 转出)"), status);
  if (!valid_date_or_empty (transferred_on))
    problem (problems, line, _("“%s” is not a date (YYYY-MM-DD)"), transferred_on);

  if (index_of[COL_MEMBER_GROUP] >= 0)
    bl_member_set_group (member, group);
  if (index_of[COL_CATEGORY] >= 0)
    bl_member_set_category (member, category_value);
  if (index_of[COL_ROLE] >= 0)
    bl_member_set_role (member, role_value);
  if (index_of[COL_JOINED] >= 0)
    bl_member_set_joined (member, *joined != '\0' ? joined : NULL);
  if (index_of[COL_PHONE] >= 0)
    bl_member_set_phone (member, phone);
  if (index_of[COL_MEMBER_STATUS] >= 0)
    bl_member_set_status (member, status_value);
  if (bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED)
    {
      if (*transferred_on != '\0')
        bl_member_set_transferred_on (member, transferred_on);
      else if (bl_member_get_transferred_on (member) == NULL)
        bl_member_set_transferred_on (member, today);
    }
  else
    bl_member_set_transferred_on (member, NULL);
}

static char *
current_secretary_name (BlStore *store)
{
  GListModel *members = bl_store_get_members (store);
  guint n = g_list_model_get_n_items (members);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (bl_member_get_status (member) == BL_MEMBER_STATUS_ACTIVE &&
          bl_member_get_role (member) == BL_MEMBER_ROLE_SECRETARY)
        return g_strdup (bl_member_get_name (member));
    }
  return NULL;
}

gboolean
bl_csv_import_members (BlStore      *store,
                       const char   *path,
                       BlCsvReport  *report,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Problems problems = { path, messages, 0 };
  int index_of[N_MEMBER_COLUMNS];
  guint added = 0, updated = 0, secretary_line = 0;
  g_autofree char *current_secretary = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  today = bl_clock_get_today (bl_store_get_clock (store));
  rows = load_rows (path, &lines, &problems, report, error);
  if (rows == NULL)
    return FALSE;
  if (!map_header (g_ptr_array_index (rows, 0), member_columns, N_MEMBER_COLUMNS, index_of, &problems))
    return fail_with_problems (&problems, error);

  current_secretary = current_secretary_name (store);
  if (!bl_store_begin (store, error))
    return FALSE;

  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint line = g_array_index (lines, guint, r);
      g_autofree char *name = cell (row, index_of, COL_NAME);
      g_autoptr(BlMember) member = NULL;
      g_autoptr(GError) save_error = NULL;
      gpointer first_line;
      gboolean existing;

      if (*name == '\0')
        {
          problem (&problems, line, _("the name is missing"));
          continue;
        }
      if (g_hash_table_lookup_extended (seen, name, NULL, &first_line))
        {
          problem (&problems, line, _("“%s” already appears on line %u"), name, GPOINTER_TO_UINT (first_line));
          continue;
        }
      g_hash_table_insert (seen, g_strdup (name), GUINT_TO_POINTER (line));

      member = bl_store_find_active_member (store, name);
      existing = member != NULL;
      if (member == NULL)
        member = bl_member_new (name);
      apply_member_row (member, today, row, index_of, line, &problems);

      if (bl_member_get_role (member) == BL_MEMBER_ROLE_SECRETARY)
        {
          if (secretary_line != 0)
            problem (&problems, line, _("a branch has one secretary, and line %u names another"), secretary_line);
          secretary_line = line;
        }

      /* Keep checking the rest after a problem, but write nothing more. */
      if (problems.count > 0)
        continue;
      if (!bl_store_save_member (store, member, &save_error))
        {
          problem (&problems, line, "%s", save_error->message);
          continue;
        }
      if (existing)
        updated++;
      else
        added++;
    }

  /* With the whole file applied, the branch still has one secretary. */
  if (secretary_line != 0 && current_secretary != NULL && !g_hash_table_contains (seen, current_secretary))
    problem (&problems, secretary_line,
             _("the ledger already has a secretary, %s: change their role in the same file, or in the Members page first"),
             current_secretary);
  else if (problems.count == 0 && secretary_line != 0 && bl_store_count_role (store, BL_MEMBER_ROLE_SECRETARY) > 1)
    problem (&problems, secretary_line,
             _("the ledger already has a secretary: change their role in the same file, or in the Members page first"));

  if (problems.count > 0)
    {
      bl_store_rollback (store);
      return fail_with_problems (&problems, error);
    }
  if (!bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  if (report != NULL)
    {
      report->added += added;
      report->updated += updated;
    }
  return TRUE;
}

/* Activities */

/* Splits a list cell on 、 ； ; , ， (and blanks around them). */
static GStrv
split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) item = g_string_new (NULL);
  const char *p = text;
  int depth = 0;

  while (TRUE)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean separator = depth == 0 && (c == 0x3001 || c == 0xff1b || c == ';' || c == ',' || c == 0xff0c);

      if (c == '(' || c == 0xff08)
        depth++;
      else if ((c == ')' || c == 0xff09) && depth > 0)
        depth--;

      if (c == 0 || separator)
        {
          g_autofree char *entry = g_strstrip (g_strdup (item->str));

          if (*entry != '\0')
            g_strv_builder_add (builder, entry);
          g_string_truncate (item, 0);
          if (c == 0)
            break;
        }
      else
        g_string_append_unichar (item, c);
      p = g_utf8_next_char (p);
    }
  return g_strv_builder_end (builder);
}

/* "姓名(病假)" or "姓名（病假）" into name and reason. */
static void
split_absent (const char  *entry,
              char       **name,
              char       **reason)
{
  const char *open = strstr (entry, "(");
  const char *open_full = strstr (entry, "（");
  const char *start;
  gsize open_len;
  g_autofree char *rest = NULL;
  char *close;

  if (open_full != NULL && (open == NULL || open_full < open))
    {
      open = open_full;
      open_len = strlen ("（");
    }
  else
    open_len = 1;

  if (open == NULL)
    {
      *name = g_strstrip (g_strdup (entry));
      *reason = g_strdup ("");
      return;
    }
  *name = g_strstrip (g_strndup (entry, (gsize) (open - entry)));
  start = open + open_len;
  rest = g_strdup (start);
  if ((close = strstr (rest, "）")) != NULL || (close = strrchr (rest, ')')) != NULL)
    *close = '\0';
  *reason = g_strstrip (g_strdup (rest));
}

/* Without a proper reason the member was absent; any stated reason is leave. */
static BlAttendanceState
state_for_reason (const char *reason)
{
  if (*reason == '\0' || g_str_equal (reason, "缺席") || g_str_equal (reason, "无故") ||
      g_str_equal (reason, "无故缺席") || g_ascii_strcasecmp (reason, "absent") == 0)
    return BL_ATTENDANCE_ABSENT;
  return BL_ATTENDANCE_LEAVE;
}

static BlMember *
member_on (BlStore    *store,
           const char *name,
           const char *date)
{
  GListModel *members = bl_store_get_members (store);
  guint n = g_list_model_get_n_items (members);
  BlMember *fallback = NULL;

  /* Names are unique among active members; someone transferred out may
   * share one, so prefer whoever was a member on that day. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (!g_str_equal (bl_member_get_name (member), name))
        continue;
      if (date != NULL && bl_member_is_active_on (member, date))
        {
          g_clear_object (&fallback);
          return g_steal_pointer (&member);
        }
      if (fallback == NULL)
        fallback = g_steal_pointer (&member);
    }
  return fallback;
}

static gboolean
parse_flag (const char *text,
            gboolean   *out)
{
  if (*text == '\0' || g_str_equal (text, "否") || g_ascii_strcasecmp (text, "no") == 0 ||
      g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0"))
    *out = FALSE;
  else if (g_str_equal (text, "是") || g_ascii_strcasecmp (text, "yes") == 0 ||
           g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"))
    *out = TRUE;
  else
    return FALSE;
  return TRUE;
}

typedef struct {
  BlMember          *member;
  BlAttendanceState  state;
  char              *reason;
} Listed;

static void
listed_free (gpointer data)
{
  Listed *listed = data;

  g_clear_object (&listed->member);
  g_free (listed->reason);
  g_free (listed);
}

/* Attendance from the 出席 and 缺席 cells:
 * - both empty: not recorded;
 * - only 缺席: every other expected member was present;
 * - 出席 given: every expected member not listed was absent.
 * Members listed but not expected (guests from the branch) are kept too. */
static void
build_attendance (BlStore    *store,
                  BlActivity *activity,
                  GListStore *attendance,
                  const char *present_cell,
                  const char *absent_cell,
                  guint       line,
                  Problems   *problems)
{
  g_auto(GStrv) present = split_list (present_cell);
  g_auto(GStrv) absent = split_list (absent_cell);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (listed_free);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *date = bl_activity_get_date (activity);
  guint before = problems->count;

  g_list_store_remove_all (attendance);
  if (present[0] == NULL && absent[0] == NULL)
    return;

  for (guint pass = 0; pass < 2; pass++)
    {
      GStrv entries = pass == 0 ? present : absent;

      for (guint i = 0; entries[i] != NULL; i++)
        {
          g_autofree char *name = NULL;
          g_autofree char *reason = NULL;
          Listed *item;

          if (pass == 0)
            {
              name = g_strdup (entries[i]);
              reason = g_strdup ("");
            }
          else
            split_absent (entries[i], &name, &reason);

          item = g_new0 (Listed, 1);
          item->member = member_on (store, name, date);
          if (item->member == NULL)
            {
              problem (problems, line, _("“%s” is not a member"), name);
              listed_free (item);
              continue;
            }
          if (g_hash_table_contains (by_id, &(gint64) { bl_member_get_id (item->member) }))
            {
              problem (problems, line, _("“%s” is listed twice"), name);
              listed_free (item);
              continue;
            }
          item->state = pass == 0 ? BL_ATTENDANCE_PRESENT : state_for_reason (reason);
          item->reason = item->state == BL_ATTENDANCE_LEAVE ? g_steal_pointer (&reason) : g_strdup ("");
          g_ptr_array_add (listed, item);
          g_hash_table_insert (by_id, g_memdup2 (&(gint64) { bl_member_get_id (item->member) }, sizeof (gint64)), item);
        }
    }
  if (problems->count > before)
    return;

  expected = bl_store_expected_members (store, bl_activity_get_kind (activity), bl_activity_get_group (activity), date);
  for (guint i = 0; i < expected->len; i++)
    {
      BlMember *member = g_ptr_array_index (expected, i);
      gint64 id = bl_member_get_id (member);
      Listed *item = g_hash_table_lookup (by_id, &id);

      if (item != NULL)
        {
          bl_attendance_add (attendance, id, bl_member_get_name (member), item->state, item->reason);
          item->state = (BlAttendanceState) -1;  /* taken */
        }
      else
        bl_attendance_add (attendance, id, bl_member_get_name (member),
                           present[0] == NULL ? BL_ATTENDANCE_PRESENT : BL_ATTENDANCE_ABSENT, "");
    }
  for (guint i = 0; i < listed->len; i++)
    {
      Listed *item = g_ptr_array_index (listed, i);

      if ((int) item->state != -1)
        bl_attendance_add (attendance, bl_member_get_id (item->member), bl_member_get_name (item->member),
                           item->state, item->reason);
    }
}

/* The activity of one row, its attendance into @attendance. */
static BlActivity *
activity_from_row (BlStore    *store,
                   char      **row,
                   const int  *index_of,
                   guint       line,
                   GListStore *attendance,
                   Problems   *problems)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autofree char *kind = cell (row, index_of, COL_KIND);
  g_autofree char *date = cell (row, index_of, COL_DATE);
  g_autofree char *start = cell (row, index_of, COL_START);
  g_autofree char *end = cell (row, index_of, COL_END);
  g_autofree char *topic = cell (row, index_of, COL_TOPIC);
  g_autofree char *group = cell (row, index_of, COL_GROUP);
  g_autofree char *status = cell (row, index_of, COL_STATUS);
  g_autofree char *first_topic = cell (row, index_of, COL_FIRST_TOPIC);
  g_autofree char *tags = cell (row, index_of, COL_TAGS);
  g_autofree char *present = cell (row, index_of, COL_PRESENT);
  g_autofree char *absent = cell (row, index_of, COL_ABSENT);
  g_auto(GStrv) group_names = bl_store_list_groups (store);
  g_auto(GStrv) tag_list = NULL;
  const char *kind_id = bl_store_lookup_kind (store, kind);
  BlActivityStatus status_value = BL_ACTIVITY_STATUS_HELD;
  gboolean first_topic_value = FALSE;
  int start_min = -1, end_min = -1;
  guint before = problems->count;
  GDate parsed;

  g_date_clear (&parsed, 1);

#define TEXT(column, setter)                                  \
  G_STMT_START {                                              \
    g_autofree char *value_ = cell (row, index_of, column);   \
    setter (activity, value_);                                \
  } G_STMT_END

  if (*kind == '\0')
    problem (problems, line, _("the kind is missing"));
  else if (kind_id == NULL)
    problem (problems, line, _("“%s” is not a known kind of activity"), kind);
  if (*date == '\0')
    problem (problems, line, _("the date is missing"));
  else if (!bl_date_parse (date, &parsed))
    problem (problems, line, _("“%s” is not a date (YYYY-MM-DD)"), date);
  if (*start != '\0' && !bl_time_parse (start, &start_min))
    problem (problems, line, _("“%s” is not a time (HH:MM)"), start);
  if (*end != '\0' && !bl_time_parse (end, &end_min))
    problem (problems, line, _("“%s” is not a time (HH:MM)"), end);
  if (start_min >= 0 && end_min >= 0 && end_min <= start_min)
    problem (problems, line, _("the end time %s is not after the start time %s"), end, start);
  if (*topic == '\0')
    problem (problems, line, _("the topic is missing"));
  if (*status != '\0' && !bl_activity_status_parse (status, &status_value))
    problem (problems, line, _("“%s” is not a status (已开展 or 计划)"), status);
  if (status_value == BL_ACTIVITY_STATUS_HELD && g_date_valid (&parsed) && *date != '\0' &&
      bl_date_parse (date, &parsed))
    {
      GDate today;

      bl_clock_get_date (bl_store_get_clock (store), &today);
      if (g_date_compare (&parsed, &today) > 0)
        problem (problems, line, _("a held activity cannot be dated in the future (mark it 计划 if it is planned)"));
    }
  if (!parse_flag (first_topic, &first_topic_value))
    problem (problems, line, _("“%s” is not 是 or 否"), first_topic);
  if (*group != '\0' && !g_strv_contains ((const char * const *) group_names, group))
    problem (problems, line, _("there is no party group “%s”"), group);
  else if (*group == '\0' && g_strcmp0 (kind_id, BL_KIND_GROUP_MEETING) == 0)
    problem (problems, line, _("a party group meeting needs its party group"));
  if (problems->count > before)
    return NULL;

  bl_activity_set_kind (activity, kind_id);
  bl_activity_set_date (activity, date);
  bl_activity_set_start_time (activity, start);
  bl_activity_set_end_time (activity, end);
  bl_activity_set_topic (activity, topic);
  bl_activity_set_group (activity, group);
  bl_activity_set_status (activity, status_value);
  bl_activity_set_first_topic (activity, first_topic_value);
  TEXT (COL_LOCATION, bl_activity_set_location);
  TEXT (COL_HOST, bl_activity_set_host);
  TEXT (COL_RECORDER, bl_activity_set_recorder);
  TEXT (COL_LECTURER, bl_activity_set_lecturer);
  TEXT (COL_GUESTS, bl_activity_set_guests);
#undef TEXT
  {
    g_autofree char *content = cell_text (row, index_of, COL_CONTENT);
    g_autofree char *resolutions = cell_text (row, index_of, COL_RESOLUTIONS);

    bl_activity_set_content (activity, content);
    bl_activity_set_resolutions (activity, resolutions);
  }
  tag_list = split_list (tags);
  bl_activity_set_tags (activity, (const char * const *) tag_list);

  build_attendance (store, activity, attendance, present, absent, line, problems);
  if (problems->count > before)
    return NULL;
  return g_steal_pointer (&activity);
}

gboolean
bl_csv_import_activities (BlStore      *store,
                          const char   *path,
                          BlCsvReport  *report,
                          GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  Problems problems = { path, messages, 0 };
  int index_of[N_ACTIVITY_COLUMNS];
  guint added = 0, skipped = 0;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rows = load_rows (path, &lines, &problems, report, error);
  if (rows == NULL)
    return FALSE;
  if (!map_header (g_ptr_array_index (rows, 0), activity_columns, N_ACTIVITY_COLUMNS, index_of, &problems))
    return fail_with_problems (&problems, error);

  if (!bl_store_begin (store, error))
    return FALSE;

  for (guint r = 1; r < rows->len; r++)
    {
      guint line = g_array_index (lines, guint, r);
      g_autoptr(GListStore) attendance = bl_attendance_new ();
      g_autoptr(BlActivity) activity = activity_from_row (store, g_ptr_array_index (rows, r), index_of, line,
                                                          attendance, &problems);
      g_autoptr(GError) save_error = NULL;

      if (activity == NULL)
        continue;
      if (bl_store_activity_exists (store, bl_activity_get_kind (activity), bl_activity_get_date (activity),
                                    bl_activity_get_start_time (activity), bl_activity_get_topic (activity), 0))
        {
          g_ptr_array_add (notes, g_strdup_printf (_("%s:%u: the same activity (kind, date, start and topic) is already "
                                                     "in the ledger; skipped"), path, line));
          skipped++;
          continue;
        }
      /* Later rows are still checked, but after a problem nothing is written. */
      if (problems.count > 0)
        continue;
      if (!bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &save_error))
        {
          problem (&problems, line, "%s", save_error->message);
          continue;
        }
      added++;
    }

  if (problems.count > 0)
    {
      bl_store_rollback (store);
      return fail_with_problems (&problems, error);
    }
  if (!bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  if (report != NULL)
    {
      report->added += added;
      report->skipped += skipped;
      for (guint i = 0; i < notes->len; i++)
        g_ptr_array_add (report->notes, g_strdup (g_ptr_array_index (notes, i)));
    }
  return TRUE;
}

/* Export */

/* RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a
 * leading apostrophe (and quotes). */
static void
append_cell (GString    *out,
             const char *value,
             gboolean    first)
{
  gboolean formula, quote;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL || *value == '\0')
    return;

  formula = strchr ("=+-@", value[0]) != NULL;
  quote = formula || strpbrk (value, ",\"\r\n") != NULL || g_ascii_isspace (value[0]) ||
          g_ascii_isspace (value[strlen (value) - 1]);
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
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
append_header (GString      *out,
               const Column *columns,
               int           n_columns)
{
  g_string_append (out, BOM);
  for (int c = 0; c < n_columns; c++)
    append_cell (out, columns[c].chinese, c == 0);
  g_string_append (out, "\r\n");
}

char *
bl_csv_export_members (BlStore  *store,
                       GError  **error)
{
  GListModel *members;
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  append_header (out, member_columns, N_MEMBER_COLUMNS);
  members = bl_store_get_members (store);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      const char *values[N_MEMBER_COLUMNS] = {
        [COL_NAME] = bl_member_get_name (member),
        [COL_MEMBER_GROUP] = bl_member_get_group (member),
        [COL_CATEGORY] = bl_member_category_to_chinese (bl_member_get_category (member)),
        [COL_ROLE] = bl_member_role_to_chinese (bl_member_get_role (member)),
        [COL_JOINED] = bl_member_get_joined (member),
        [COL_PHONE] = bl_member_get_phone (member),
        [COL_MEMBER_STATUS] = bl_member_status_to_chinese (bl_member_get_status (member)),
        [COL_TRANSFERRED_ON] = bl_member_get_transferred_on (member),
      };

      for (int c = 0; c < N_MEMBER_COLUMNS; c++)
        append_cell (out, values[c], c == 0);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static char *
join_attendance (const BlAttendanceMark *marks,
                 guint                   n_marks,
                 gboolean                present)
{
  g_autoptr(GString) out = g_string_new (NULL);

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
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
bl_csv_export_activities (BlStore  *store,
                          GError  **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(BlAttendanceTable) attendance = NULL;
  GString *out;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  activities = bl_store_list_activities_between (store, NULL, NULL, error);
  if (activities == NULL)
    return NULL;
  attendance = bl_store_load_attendance_between (store, NULL, NULL, error);
  if (attendance == NULL)
    return NULL;

  out = g_string_new (NULL);
  append_header (out, activity_columns, N_ACTIVITY_COLUMNS);
  for (guint i = 0; i < activities->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (activities, i);
      const char *kind = bl_activity_get_kind (activity);
      guint n_marks;
      const BlAttendanceMark *marks = bl_attendance_table_lookup (attendance, bl_activity_get_id (activity), &n_marks);
      g_autofree char *present = join_attendance (marks, n_marks, TRUE);
      g_autofree char *absent = join_attendance (marks, n_marks, FALSE);
      g_autofree char *tags = g_strjoinv ("、", (GStrv) bl_activity_get_tags (activity));
      const char *values[N_ACTIVITY_COLUMNS] = {
        [COL_KIND] = bl_kind_is_builtin_id (kind) ? bl_kind_builtin_chinese_name (kind) : kind,
        [COL_DATE] = bl_activity_get_date (activity),
        [COL_START] = bl_activity_get_start_time (activity),
        [COL_END] = bl_activity_get_end_time (activity),
        [COL_TOPIC] = bl_activity_get_topic (activity),
        [COL_LOCATION] = bl_activity_get_location (activity),
        [COL_HOST] = bl_activity_get_host (activity),
        [COL_RECORDER] = bl_activity_get_recorder (activity),
        [COL_LECTURER] = bl_activity_get_lecturer (activity),
        [COL_GROUP] = bl_activity_get_group (activity),
        [COL_PRESENT] = present,
        [COL_ABSENT] = absent,
        [COL_GUESTS] = bl_activity_get_guests (activity),
        [COL_TAGS] = tags,
        [COL_STATUS] = bl_activity_status_to_chinese (bl_activity_get_status (activity)),
        [COL_CONTENT] = bl_activity_get_content (activity),
        [COL_RESOLUTIONS] = bl_activity_get_resolutions (activity),
        [COL_FIRST_TOPIC] = bl_activity_get_first_topic (activity) ? "是" : "否",
      };

      for (int c = 0; c < N_ACTIVITY_COLUMNS; c++)
        append_cell (out, values[c], c == 0);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_atomically (const char  *path,
                  const char  *contents,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, "%s", local_error->message);
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

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO, _("Cannot create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  members = bl_csv_export_members (store, error);
  if (members == NULL)
    return FALSE;
  activities = bl_csv_export_activities (store, error);
  if (activities == NULL)
    return FALSE;

  members_path = g_build_filename (dir, "members.csv", NULL);
  activities_path = g_build_filename (dir, "activities.csv", NULL);
  return write_atomically (members_path, members, error) && write_atomically (activities_path, activities, error);
}
