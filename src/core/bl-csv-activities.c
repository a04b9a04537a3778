/* bl-csv-activities.c: activities and their attendance imported from
 * activities.csv or a workbook's 活动台账. A 20-year ledger's export is
 * 6,000 rows naming a million attendances: names, kinds and the activities
 * already there are looked up in hash tables built once, and the
 * attendance is saved as plain rows. Each row is checked by the store's one
 * activity check (bl-activity-check.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-activity-check.h"
#include "bl-csv-attachments.h"
#include "bl-csv-activities.h"
#include "bl-csv-names.h"
#include "bl-csv-private.h"
#include "bl-csv-reader.h"
#include "bl-date.h"
#include "bl-text.h"

typedef struct {
  BlStore       *store;
  BlCsvSheet     sheet;
  BlCsvProblems  problems;
  GPtrArray     *members;       /* BlMember*, as the file holds them */
  GHashTable    *by_name;       /* name → GArray of their places in members (guint) */
  GHashTable    *by_id;         /* member id → place in members + 1 */
  gint64        *member_ids;    /* by_id's keys */
  guint         *listed_at;     /* per place in members: its place in the row's lists + 1, else 0 */
  GArray        *listed;        /* Listed: the people of the row's lists */
  GArray        *marks;         /* BlAttendanceMark: the row's attendance */
  BlCsvNames     names;
  BlCsvPeople    present;       /* the people of the row's 出席 and 缺席, whose */
  BlCsvPeople    absent;        /* reasons the row's marks point to */
  GHashTable    *kinds;         /* cell text → kind id (interned), or "" when unknown */
  GHashTable    *keys;          /* bl_store_activity_key() of every activity there */
  GHashTable    *ids;           /* their numbers (gint64*) */
  GArray        *duplicate_rows;
  guint          duplicates;
  guint          added;
  guint          existing;      /* activities in the ledger before */
  gboolean       index_decided;
} ActivityImport;

/* One person of the lists, found among the members. */
typedef struct {
  guint              place;     /* in the import's members */
  BlAttendanceState  state;
  const char        *reason;    /* borrowed from the row's people */
  gboolean           taken;
} Listed;

static void
activity_import_clear (ActivityImport *import)
{
  bl_csv_sheet_clear (&import->sheet);
  bl_csv_problems_clear (&import->problems);
  g_clear_pointer (&import->by_name, g_hash_table_unref);
  g_clear_pointer (&import->by_id, g_hash_table_unref);
  g_clear_pointer (&import->member_ids, g_free);
  g_clear_pointer (&import->listed_at, g_free);
  g_clear_pointer (&import->listed, g_array_unref);
  g_clear_pointer (&import->marks, g_array_unref);
  g_clear_pointer (&import->members, g_ptr_array_unref);
  g_clear_pointer (&import->kinds, g_hash_table_unref);
  g_clear_pointer (&import->keys, g_hash_table_unref);
  g_clear_pointer (&import->ids, g_hash_table_unref);
  g_clear_pointer (&import->duplicate_rows, g_array_unref);
  bl_csv_people_clear (&import->present);
  bl_csv_people_clear (&import->absent);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActivityImport, activity_import_clear)

#define PROBLEM(import, row, column, ...) \
  bl_csv_problem (&(import)->problems, (import)->sheet.table, (row), \
                  bl_csv_sheet_cell_index (&(import)->sheet, (column)), __VA_ARGS__)

/* The places of the members of that name, handed back in each person read. */
static gconstpointer
find_member_name_cb (const char *name,
                     gpointer    user_data)
{
  ActivityImport *import = user_data;

  return g_hash_table_lookup (import->by_name, name);
}

/* How many separators a name may hold, for the lists to find such names. */
static guint
count_separators (const char *name)
{
  guint n = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    n += bl_csv_names_is_separator (g_utf8_get_char (p));
  return n;
}

static gboolean
load_ledger (ActivityImport  *import,
             GError         **error)
{
  import->members = bl_store_list_members (import->store, error);
  if (import->members == NULL)
    return FALSE;
  import->keys = bl_store_list_activity_keys (import->store, &import->ids, error);
  if (import->keys == NULL)
    return FALSE;
  import->existing = g_hash_table_size (import->keys);
  import->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  import->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  import->member_ids = g_new (gint64, import->members->len);
  import->listed_at = g_new0 (guint, import->members->len);
  import->listed = g_array_sized_new (FALSE, FALSE, sizeof (Listed), import->members->len);
  import->marks = g_array_sized_new (FALSE, FALSE, sizeof (BlAttendanceMark), import->members->len);
  import->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->duplicate_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  import->names.find = find_member_name_cb;
  import->names.user_data = import;
  bl_csv_people_init (&import->present);
  bl_csv_people_init (&import->absent);

  for (guint i = 0; i < import->members->len; i++)
    {
      BlMember *member = g_ptr_array_index (import->members, i);
      const char *name = bl_member_get_name (member);
      GArray *named = g_hash_table_lookup (import->by_name, name);

      if (named == NULL)
        {
          named = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (import->by_name, (gpointer) name, named);
        }
      g_array_append_val (named, i);
      import->member_ids[i] = bl_member_get_id (member);
      g_hash_table_insert (import->by_id, &import->member_ids[i], GUINT_TO_POINTER (i + 1));
      import->names.max_separators = MAX (import->names.max_separators, count_separators (name));
    }
  return TRUE;
}

static const char *
lookup_kind (ActivityImport *import,
             const char     *text)
{
  const char *id = g_hash_table_lookup (import->kinds, text);

  if (id == NULL)
    {
      id = bl_store_lookup_kind (import->store, text);
      id = id != NULL ? g_intern_string (id) : "";
      g_hash_table_insert (import->kinds, g_strdup (text), (gpointer) id);
    }
  return *id != '\0' ? id : NULL;
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

/* 应到: a count, or -1 for none. */
static gboolean
parse_count (const char *text,
             gint64     *out)
{
  guint64 value;

  *out = -1;
  if (*text == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
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

/* The member of that name on @date (their place in the import's members,
 * among the places @named of the members of that name): names are unique
 * among active members, but someone transferred out may share one;
 * whoever belonged to the branch that day is meant. -1 (with a problem)
 * when two did. */
static int
member_on (ActivityImport *import,
           guint           row,
           guint           column,
           const char     *name,
           const GArray   *named,
           const char     *date)
{
  int found = -1;
  guint active = 0;

  g_assert (named != NULL && named->len > 0);
  if (named->len == 1)
    return (int) g_array_index (named, guint, 0);
  for (guint i = 0; i < named->len; i++)
    {
      guint place = g_array_index (named, guint, i);

      if (bl_member_is_active_on (g_ptr_array_index (import->members, place), date))
        {
          found = found >= 0 ? found : (int) place;
          active++;
        }
    }
  if (active > 1)
    {
      PROBLEM (import, row, column, _("“%s” could be any of %u members of that name who belonged to the branch "
                                      "on %s"), name, active, date);
      return -1;
    }
  return found >= 0 ? found : (int) g_array_index (named, guint, 0);
}

/* The people of one list cell, found among the members, into @listed. */
static void
read_list (ActivityImport *import,
           guint           row,
           guint           column,
           const char     *cell,
           gboolean        present,
           const char     *date,
           BlCsvPeople    *people,
           GArray         *listed)
{
  g_autoptr(GPtrArray) bad = NULL;
  guint n;

  switch (bl_csv_names_read (&import->names, cell, !present, people, &bad))
    {
    case BL_CSV_NAMES_OK:
      break;
    case BL_CSV_NAMES_UNKNOWN:
      for (guint i = 0; i < bad->len; i++)
        PROBLEM (import, row, column, _("“%s” is not a member"), (const char *) g_ptr_array_index (bad, i));
      return;
    case BL_CSV_NAMES_AMBIGUOUS:
    default:
      PROBLEM (import, row, column, _("“%s” reads as more than one list of members: write the names apart with "
                                      "another separator (、 ； ，)"), (const char *) g_ptr_array_index (bad, 0));
      return;
    }

  /* Room for everyone, written in place: the array is cut to those taken. */
  n = listed->len;
  g_array_set_size (listed, n + people->n_people);
  for (guint i = 0; i < people->n_people; i++)
    {
      const BlCsvPerson *person = &people->people[i];
      int place = member_on (import, row, column, person->name, person->named, date);
      Listed *item;

      if (place < 0)
        continue;
      if (import->listed_at[place] > 0)
        {
          PROBLEM (import, row, column, _("“%s” is listed twice"), person->name);
          continue;
        }
      item = &g_array_index (listed, Listed, n++);
      item->place = (guint) place;
      item->state = present ? BL_ATTENDANCE_PRESENT : state_for_reason (person->reason);
      item->reason = item->state == BL_ATTENDANCE_LEAVE ? person->reason : "";
      item->taken = FALSE;
      import->listed_at[place] = n;
    }
  g_array_set_size (listed, n);
}

static void
set_mark (BlAttendanceMark  *mark,
          BlMember          *member,
          BlAttendanceState  state,
          const char        *reason)
{
  *mark = (BlAttendanceMark) {
    .member_id = bl_member_get_id (member),
    .member_name = bl_member_get_name (member),
    .group = "",
    .state = state,
    .reason = reason,
  };
}

static void
add_mark (GArray            *marks,
          BlMember          *member,
          BlAttendanceState  state,
          const char        *reason)
{
  g_array_set_size (marks, marks->len + 1);
  set_mark (&g_array_index (marks, BlAttendanceMark, marks->len - 1), member, state, reason);
}

static BlMember *
listed_member (ActivityImport *import,
               const Listed   *item)
{
  return g_ptr_array_index (import->members, item->place);
}

/* The attendance of one row into @marks from the people @listed in it (see
 * bl-csv-activities.h for the rules). The import's people of the row hold
 * the reasons the marks point to, until the next row is read. */
static void
fill_attendance (ActivityImport *import,
                 guint           row,
                 const char     *kind,
                 const char     *group,
                 const char     *date,
                 GArray         *listed,
                 GArray         *marks)
{
  BlCsvSheet *sheet = &import->sheet;
  g_autofree char *present = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_PRESENT);
  g_autofree char *absent = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_ABSENT);
  g_autofree char *expected_cell = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_EXPECTED);
  g_autoptr(GPtrArray) expected = NULL;
  guint before = import->problems.count;
  gint64 expected_count;

  if (!parse_count (expected_cell, &expected_count))
    {
      PROBLEM (import, row, BL_CSV_ACTIVITY_EXPECTED, _("“%s” is not a number (应到)"), expected_cell);
      return;
    }
  read_list (import, row, BL_CSV_ACTIVITY_PRESENT, present, TRUE, date, &import->present, listed);
  read_list (import, row, BL_CSV_ACTIVITY_ABSENT, absent, FALSE, date, &import->absent, listed);
  if (import->problems.count > before)
    return;

  if (*present == '\0' && *absent == '\0')
    {
      if (expected_count > 0)
        PROBLEM (import, row, BL_CSV_ACTIVITY_EXPECTED,
                 _("应到 is %u, but neither 出席 nor 缺席 names anyone"), (guint) expected_count);
      return;
    }

  /* The app's own export: 应到 counts everyone listed, and they are the
   * attendance, whoever the ledger would expect that day now. */
  if (expected_count == (gint64) listed->len)
    {
      guint first = marks->len;

      g_array_set_size (marks, first + listed->len);
      for (guint i = 0; i < listed->len; i++)
        {
          Listed *item = &g_array_index (listed, Listed, i);

          set_mark (&g_array_index (marks, BlAttendanceMark, first + i), listed_member (import, item), item->state,
                    item->reason);
        }
      return;
    }

  expected = bl_store_expected_members (import->store, kind, group, date);
  for (guint i = 0; i < expected->len; i++)
    {
      BlMember *member = g_ptr_array_index (expected, i);
      gint64 id = bl_member_get_id (member);
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (import->by_id, &id));
      guint at = place > 0 ? import->listed_at[place - 1] : 0;
      Listed *item = at > 0 ? &g_array_index (listed, Listed, at - 1) : NULL;

      if (item != NULL)
        {
          add_mark (marks, listed_member (import, item), item->state, item->reason);
          item->taken = TRUE;
        }
      else
        add_mark (marks, member, *present == '\0' ? BL_ATTENDANCE_PRESENT : BL_ATTENDANCE_ABSENT, "");
    }
  /* Members listed but not expected (from another group, say) are kept. */
  for (guint i = 0; i < listed->len; i++)
    {
      Listed *item = &g_array_index (listed, Listed, i);

      if (!item->taken)
        add_mark (marks, listed_member (import, item), item->state, item->reason);
    }
  if (expected_count >= 0 && expected_count != (gint64) marks->len)
    PROBLEM (import, row, BL_CSV_ACTIVITY_EXPECTED,
             _("应到 is %u, but 出席 and 缺席 name %u and the members expected that day make %u"),
             (guint) expected_count, listed->len, marks->len);
}

static void
build_attendance (ActivityImport *import,
                  guint           row,
                  const char     *kind,
                  const char     *group,
                  const char     *date,
                  GArray         *marks)
{
  GArray *listed = import->listed;

  g_array_set_size (listed, 0);
  fill_attendance (import, row, kind, group, date, listed, marks);
  /* Nobody is listed in the next row yet. */
  for (guint i = 0; i < listed->len; i++)
    import->listed_at[g_array_index (listed, Listed, i).place] = 0;
}

static void
note_duplicate (ActivityImport *import,
                guint           row)
{
  if (import->duplicate_rows->len < BL_CSV_MAX_DUPLICATE_LINES)
    g_array_append_val (import->duplicate_rows, row);
  import->duplicates++;
}

/* Where a problem of the store's activity check points in the row. */
static guint
field_column (BlActivityField field)
{
  switch (field)
    {
    case BL_ACTIVITY_FIELD_DATE:
      return BL_CSV_ACTIVITY_DATE;
    case BL_ACTIVITY_FIELD_START:
      return BL_CSV_ACTIVITY_START;
    case BL_ACTIVITY_FIELD_END:
      return BL_CSV_ACTIVITY_END;
    case BL_ACTIVITY_FIELD_GROUP:
      return BL_CSV_ACTIVITY_GROUP;
    case BL_ACTIVITY_FIELD_TOPIC:
      return BL_CSV_ACTIVITY_TOPIC;
    case BL_ACTIVITY_FIELD_ATTENDANCE:
      return BL_CSV_ACTIVITY_ABSENT;
    case BL_ACTIVITY_FIELD_KIND:
    case BL_ACTIVITY_FIELD_RECORD:
    default:
      return BL_CSV_ACTIVITY_KIND;
    }
}

/* The record of one row, as the ledger keeps it (bl_activity_normalize()),
 * its kind NULL when no kind of the ledger's; problems in reading its cells
 * go into the import's. */
static BlActivity *
read_activity (ActivityImport  *import,
               guint            row,
               const char     **kind_id)
{
  BlCsvSheet *sheet = &import->sheet;
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autofree char *kind = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_KIND);
  g_autofree char *date = bl_csv_date_cell (bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_DATE));
  g_autofree char *start = bl_csv_time_cell (bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_START));
  g_autofree char *end = bl_csv_time_cell (bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_END));
  g_autofree char *status = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_STATUS);
  g_autofree char *first_topic = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_FIRST_TOPIC);
  g_autofree char *tags = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_TAGS);
  g_autofree char *content = bl_csv_sheet_text (sheet, row, BL_CSV_ACTIVITY_CONTENT);
  g_autofree char *resolutions = bl_csv_sheet_text (sheet, row, BL_CSV_ACTIVITY_RESOLUTIONS);
  g_auto(GStrv) tag_list = bl_tags_split (tags);
  BlActivityStatus status_value = BL_ACTIVITY_STATUS_HELD;
  gboolean first_topic_value = FALSE;

  *kind_id = *kind != '\0' ? lookup_kind (import, kind) : NULL;
  /* An empty kind or date would read as something else: missing is said here. */
  if (*kind == '\0')
    PROBLEM (import, row, BL_CSV_ACTIVITY_KIND, _("the kind is missing"));
  if (*date == '\0')
    PROBLEM (import, row, BL_CSV_ACTIVITY_DATE, _("the date is missing"));
  if (*status != '\0' && !bl_activity_status_parse (status, &status_value))
    PROBLEM (import, row, BL_CSV_ACTIVITY_STATUS, _("“%s” is not a status (已开展 or 计划)"), status);
  if (!parse_flag (first_topic, &first_topic_value))
    PROBLEM (import, row, BL_CSV_ACTIVITY_FIRST_TOPIC, _("“%s” is not 是 or 否"), first_topic);

  /* An unknown kind stays as written, for the check to name it. */
  bl_activity_set_kind (activity, *kind_id != NULL ? *kind_id : kind);
  bl_activity_set_date (activity, *date != '\0' ? date : NULL);
  bl_activity_set_start_time (activity, *start != '\0' ? start : NULL);
  bl_activity_set_end_time (activity, *end != '\0' ? end : NULL);
  bl_activity_set_status (activity, status_value);
  bl_activity_set_first_topic (activity, first_topic_value);
#define TEXT(column, setter)                                            \
  G_STMT_START {                                                        \
    g_autofree char *value_ = bl_csv_sheet_cell (sheet, row, column);   \
    setter (activity, value_);                                          \
  } G_STMT_END
  TEXT (BL_CSV_ACTIVITY_TOPIC, bl_activity_set_topic);
  TEXT (BL_CSV_ACTIVITY_GROUP, bl_activity_set_group);
  TEXT (BL_CSV_ACTIVITY_LOCATION, bl_activity_set_location);
  TEXT (BL_CSV_ACTIVITY_HOST, bl_activity_set_host);
  TEXT (BL_CSV_ACTIVITY_RECORDER, bl_activity_set_recorder);
  TEXT (BL_CSV_ACTIVITY_LECTURER, bl_activity_set_lecturer);
  TEXT (BL_CSV_ACTIVITY_GUESTS, bl_activity_set_guests);
#undef TEXT
  bl_activity_set_content (activity, content);
  bl_activity_set_resolutions (activity, resolutions);
  bl_activity_set_tags (activity, (const char * const *) tag_list);
  bl_activity_normalize (activity);
  return g_steal_pointer (&activity);
}

/* The store's one activity check, as the save applies it
 * (bl_activity_check_fields(): the same activity already in the ledger or
 * the file was found by its key): its errors are the row's problems, each
 * at its cell; what a person would still be asked to fill in is kept as the
 * file has it. */
static void
check_activity (ActivityImport *import,
                guint           row,
                BlActivity     *activity)
{
  g_autoptr(GPtrArray) found = bl_activity_check_fields (import->store, activity);

  for (guint i = 0; i < found->len; i++)
    {
      const BlProblem *p = g_ptr_array_index (found, i);

      /* Missing ones are said already (read_activity()). */
      if ((p->field == BL_ACTIVITY_FIELD_KIND && *bl_activity_get_kind (activity) == '\0') ||
          (p->field == BL_ACTIVITY_FIELD_DATE && bl_activity_get_date (activity) == NULL))
        continue;
      if (p->severity == BL_PROBLEM_ERROR)
        PROBLEM (import, row, field_column (p->field), "%s", p->message);
    }
}

static void
import_row (ActivityImport *import,
            guint           row)
{
  BlCsvSheet *sheet = &import->sheet;
  g_autoptr(BlActivity) activity = NULL;
  GArray *marks = import->marks;
  g_autoptr(GError) save_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *number = NULL;
  const char *kind_id = NULL;
  guint before = import->problems.count;
  guint64 id = 0;

  activity = read_activity (import, row, &kind_id);
  /* The number it had: kept when this ledger has none such, so that a
   * round trip into a new ledger keeps every record's number. */
  number = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_NUMBER);
  if (*number != '\0' && !g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT64, &id, NULL))
    PROBLEM (import, row, BL_CSV_ACTIVITY_NUMBER, _("“%s” is not an activity number"), number);
  else if (id != 0 && !g_hash_table_contains (import->ids, &(gint64) { (gint64) id }))
    bl_activity_set_id (activity, (gint64) id);
  /* A duplicate is counted and passed over before anything else is
   * checked: importing a file again costs little more than reading it. */
  if (import->problems.count == before && kind_id != NULL && bl_activity_get_date (activity) != NULL)
    {
      key = bl_store_activity_key (kind_id, bl_activity_get_date (activity), bl_activity_get_start_time (activity),
                                   bl_activity_get_topic (activity));
      if (g_hash_table_contains (import->keys, key))
        {
          note_duplicate (import, row);
          return;
        }
    }
  check_activity (import, row, activity);
  if (import->problems.count > before)
    return;

  g_array_set_size (marks, 0);
  build_attendance (import, row, kind_id, bl_activity_get_group (activity), bl_activity_get_date (activity), marks);
  /* Later rows are still checked, but after a problem nothing is written. */
  if (import->problems.count > 0)
    return;

  /* About to add at least as many activities as the ledger has: its
   * attendance index is made again at the end rather than kept in order. */
  if (!import->index_decided)
    {
      guint left = bl_table_get_n_rows (sheet->table) - row;

      import->index_decided = TRUE;
      if (left >= 500 && left >= import->existing &&
          !bl_store_defer_attendance_index (import->store, &save_error))
        {
          PROBLEM (import, row, BL_CSV_ACTIVITY_KIND, "%s", save_error->message);
          return;
        }
    }
  if (!bl_store_save_activity_marks (import->store, activity, (const BlAttendanceMark *) (gpointer) marks->data,
                                     marks->len, &save_error))
    {
      PROBLEM (import, row, BL_CSV_ACTIVITY_KIND, "%s", save_error->message);
      return;
    }
  {
    g_autofree char *names = bl_csv_sheet_cell (sheet, row, BL_CSV_ACTIVITY_ATTACHMENTS);
    g_autofree char *captions = bl_csv_sheet_text (sheet, row, BL_CSV_ACTIVITY_ATTACHMENT_CAPTIONS);

    /* The files in 附件/<编号>/ beside the file. */
    if (!bl_csv_attachments_import (import->store, bl_table_get_name (sheet->table), number,
                                    bl_activity_get_id (activity), names, captions, &save_error))
      {
        PROBLEM (import, row, BL_CSV_ACTIVITY_ATTACHMENTS, "%s", save_error->message);
        return;
      }
  }
  g_hash_table_add (import->keys, g_steal_pointer (&key));
  g_hash_table_add (import->ids, g_memdup2 (&(gint64) { bl_activity_get_id (activity) }, sizeof (gint64)));
  import->added++;
}

/* Every row; FALSE only when cancelled. */
static gboolean
import_rows (ActivityImport  *import,
             GCancellable    *cancellable,
             BlCsvReport     *report,
             GError         **error)
{
  BlTable *table = import->sheet.table;

  bl_csv_report_begin_rows (report, &import->sheet);
  for (guint row = import->sheet.header + 1; row < bl_table_get_n_rows (table); row++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!bl_table_row_is_blank (table, row))
        import_row (import, row);
      bl_csv_report_row_done (report);
    }
  return TRUE;
}

gboolean
bl_csv_import_activities_table (BlStore          *store,
                                BlTable          *table,
                                BlCsvImportFlags  flags,
                                GCancellable     *cancellable,
                                BlCsvReport      *report,
                                GError          **error)
{
  g_auto(ActivityImport) import = { 0 };
  gboolean ok;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  import.store = store;
  bl_csv_problems_init (&import.problems);
  if (!bl_csv_sheet_init (&import.sheet, table, bl_csv_activity_columns, BL_CSV_ACTIVITY_N_COLUMNS,
                          &import.problems, report))
    return bl_csv_problems_fail (&import.problems, error);

  if (!bl_store_begin (store, error))
    return FALSE;
  bl_store_set_bulk (store, TRUE);
  ok = load_ledger (&import, error) && import_rows (&import, cancellable, report, error);
  if (!ok)
    bl_store_rollback (store);
  /* Still in bulk: the attendance index made again at the end is sorted in
   * memory, not through temporary files. */
  else
    ok = bl_csv_import_finish (store, &import.problems, flags, error);
  bl_store_set_bulk (store, FALSE);
  if (!ok)
    return FALSE;
  if (report != NULL)
    {
      report->added += import.added;
      bl_csv_report_add_duplicates (report, table, import.duplicate_rows, import.duplicates);
    }
  return TRUE;
}

gboolean
bl_csv_import_activities (BlStore      *store,
                          const char   *path,
                          BlCsvReport  *report,
                          GError      **error)
{
  return bl_csv_import_file (store, path, bl_csv_import_activities_table, report, error);
}
