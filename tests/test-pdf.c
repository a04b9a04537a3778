/* test-pdf.c: the PDFs the real program writes (--report, --print-records,
 * --print-signin), read back with poppler's pdftotext, pdfinfo, pdffonts and
 * pdfimages */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <locale.h>
#include <string.h>

#include "bl-clock.h"
#include "bl-report.h"
#include "bl-store-attachments.h"
#include "bl-test-common.h"

typedef struct {
  char *dir;
  char *database;
} Ledger;

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext != NULL && pdffonts != NULL && pdfinfo != NULL)
    return TRUE;
  g_test_skip ("poppler-utils (pdftotext, pdffonts, pdfinfo) are not installed");
  return FALSE;
}

/* Runs @argv with the messages in @language; returns the exit status. */
static int
run (const char * const *argv,
     const char         *language,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = -1;

  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  /* The language's own locale: glibc 2.41 (Debian 13) ignores LANGUAGE
   * under C.UTF-8, as older glibc did under C. */
  env = g_environ_setenv (env, "LC_ALL", g_str_equal (language, "zh_CN") ? "zh_CN.UTF-8" : "C.UTF-8", TRUE);
  /* Callers reuse their buffers from one run to the next. */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
run_program (const char *language,
             char      **err,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) bl_test_program ());
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return run ((const char * const *) argv->pdata, language, &out, err);
}

/* The text of a PDF (or of one page) in drawing order, whitespace removed,
 * so that a topic wrapped inside its cell still reads as one string. */
static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *all[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  const char *one[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", first, pdf, "-", NULL };
  GString *compact;

  g_assert_cmpint (run (page > 0 ? one : all, "C", &out, &err), ==, 0);
  compact = g_string_new (NULL);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (compact, g_utf8_get_char (p));
  return g_string_free (compact, FALSE);
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *line;

  g_assert_cmpint (run (argv, "C", &out, &err), ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *compact = g_strdup (needle);
  char *w = compact;

  for (const char *r = needle; *r != '\0'; r++)
    if (!g_ascii_isspace (*r))
      *w++ = *r;
  *w = '\0';
  if (strstr (text, compact) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%.3000s", needle, text);
}

static Ledger *
ledger_new (BlStore **store_out)
{
  Ledger *ledger = g_new0 (Ledger, 1);
  g_autoptr(GError) error = NULL;

  ledger->dir = bl_test_make_dir ();
  ledger->database = g_build_filename (ledger->dir, "ledger.db", NULL);
  *store_out = bl_store_open (ledger->database, &error);
  g_assert_no_error (error);
  bl_store_set_setting (*store_out, BL_SETTING_BRANCH_NAME, "星湖科技园区第一党支部", &error);
  g_assert_no_error (error);
  return ledger;
}

static void
ledger_free (Ledger *ledger)
{
  g_free (ledger->dir);
  g_free (ledger->database);
  g_free (ledger);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ledger, ledger_free)

static gint64
add_activity (BlStore          *store,
              const char       *kind,
              const char       *date,
              const char       *topic,
              const char       *content,
              GArray           *members,
              guint             absent_every)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, kind);
  bl_activity_set_date (activity, date);
  bl_activity_set_start_time (activity, "14:30");
  bl_activity_set_end_time (activity, "16:00");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_topic (activity, topic);
  bl_activity_set_host (activity, "王建国");
  bl_activity_set_recorder (activity, "李记录");
  bl_activity_set_location (activity, "党员活动室");
  bl_activity_set_content (activity, content);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      gint64 id = g_array_index (members, gint64, i);
      g_autoptr(BlMember) member = bl_store_find_member (store, id);
      gboolean away = absent_every > 0 && i % absent_every == 1;

      bl_attendance_add (attendance, id, bl_member_get_name (member),
                         away ? BL_ATTENDANCE_LEAVE : BL_ATTENDANCE_PRESENT,
                         away ? "公出" : "");
    }
  bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error);
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

static GArray *
add_members (BlStore *store,
             guint    n)
{
  static const char surnames[] = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";
  static const char given[] = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      /* Each CJK character is three bytes. */
      g_autofree char *name = g_strdup_printf ("%.3s%.3s%.3s", surnames + 3 * (i % 32),
                                               given + 3 * (i % 21), given + 3 * ((i / 21) % 21));
      g_autofree char *group = g_strdup_printf ("第%s党小组", i % 3 == 0 ? "一" : i % 3 == 1 ? "二" : "三");
      gint64 id = bl_test_add_member (store, name, group, i == 0 ? BL_MEMBER_ROLE_SECRETARY : BL_MEMBER_ROLE_NONE);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
test_monthly_summary (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pdf = NULL;
  g_autofree char *pdf_en = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_en = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *err = NULL;
  const char *fonts_argv[3] = { "pdffonts", NULL, NULL };
  static const char * const topics[] = {
    "学习贯彻党的二十届四中全会精神",
    "研究第四季度发展党员工作，讨论确定入党积极分子培养联系人，并对年度党费收缴情况进行核对",
    "参观红色教育基地主题党日",
  };

  if (!have_poppler ())
    return;

  ledger = ledger_new (&store);
  members = add_members (store, 12);
  add_activity (store, BL_KIND_GENERAL_MEETING, "2025-11-05", topics[0], "会议内容", members, 4);
  add_activity (store, BL_KIND_GENERAL_MEETING, "2025-11-12", topics[1], "会议内容", members, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2025-11-20", topics[2], "参观学习", members, 5);
  add_activity (store, BL_KIND_THEME_DAY, "2025-10-20", "十月的主题党日不在十一月的汇总里", "", members, 0);
  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr(BlMember) member = bl_store_find_member (store, g_array_index (members, gint64, i));

      g_ptr_array_add (names, g_strdup (bl_member_get_name (member)));
    }
  g_clear_object (&store);

  pdf = g_build_filename (ledger->dir, "汇总.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--report", "2025-11",
                                "--output", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  text = pdf_text (pdf, 0);
  assert_contains (text, "星湖科技园区第一党支部");
  assert_contains (text, "2025年11月 组织生活月度汇总");
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    assert_contains (text, topics[i]);
  g_assert_null (strstr (text, "十月的主题党日"));
  for (guint i = 0; i < names->len; i++)
    assert_contains (text, g_ptr_array_index (names, i));
  assert_contains (text, "公出");
  assert_contains (text, "制表人");
  assert_contains (text, "审核人");
  assert_contains (text, "第 1 页 / 共");

  /* The font is embedded, and it is a CJK one. */
  fonts_argv[1] = pdf;
  g_assert_cmpint (run (fonts_argv, "C", &fonts, &err), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    gboolean embedded_cjk = FALSE;

    for (guint i = 2; lines[i] != NULL; i++)
      if (strstr (lines[i], "CJK") != NULL && strstr (lines[i], " yes ") != NULL)
        embedded_cjk = TRUE;
    if (!embedded_cjk)
      g_error ("no embedded CJK font:\n%s", fonts);
  }

  /* In English the title is translated; the records stay as written. */
  pdf_en = g_build_filename (ledger->dir, "summary.pdf", NULL);
  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--report", "2025-11",
                                "--output", pdf_en, NULL), ==, 0);
  text_en = pdf_text (pdf_en, 0);
  assert_contains (text_en, "Organisational Life Monthly Summary, November 2025");
  assert_contains (text_en, topics[1]);
  assert_contains (text_en, "Prepared by");
  assert_contains (text_en, "Page 1 of");
}

static void
test_big_month (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autoptr(GArray) members = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *err = NULL;
  guint pages, grid_pages = 0;
  gboolean in_warnings = FALSE;

  if (!have_poppler ())
    return;

  ledger = ledger_new (&store);
  members = add_members (store, 120);
  bl_store_begin (store, NULL);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-11-%02u", 1 + i % 30);
      g_autofree char *topic = g_strdup_printf ("第%u次学习：深入学习贯彻习近平新时代中国特色社会主义思想主题教育专题研讨", i + 1);

      add_activity (store, i % 2 ? BL_KIND_STUDY_SESSION : BL_KIND_THEME_DAY, date, topic, "", members, 7);
    }
  g_assert_true (bl_store_commit (store, NULL));
  g_clear_object (&store);

  pdf = g_build_filename (ledger->dir, "big.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--report", "2025-11",
                                "--output", pdf, NULL), ==, 0);
  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages, >=, 4);

  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (pdf, (int) p);
      g_autofree char *number = g_strdup_printf ("第%u页/共%u页", p, pages);

      assert_contains (text, number);
      /* Up to the warnings (free text), every page shows a table under its
       * header, repeated: activities, quotas or the grid. */
      if (!in_warnings && strstr (text, "四、需要关注的事项") != NULL)
        in_warnings = TRUE;
      if (!in_warnings && strstr (text, "序号") == NULL && strstr (text, "规定") == NULL &&
          strstr (text, "党员姓名") == NULL)
        g_error ("page %u has no table header:\n%s", p, text);
      if (strstr (text, "党员姓名") != NULL)
        grid_pages++;
    }
  g_assert_cmpuint (grid_pages, >=, 2);
}

static void
test_empty_month (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;

  if (!have_poppler ())
    return;

  ledger = ledger_new (&store);
  bl_test_add_member (store, "张三", "", BL_MEMBER_ROLE_NONE);
  g_clear_object (&store);

  pdf = g_build_filename (ledger->dir, "empty.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--report", "2025-02",
                                "--output", pdf, NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  text = pdf_text (pdf, 0);
  assert_contains (text, "2025年2月 组织生活月度汇总");
  assert_contains (text, "本月没有组织生活记录");
}

static void
test_records (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GString) minutes = g_string_new (NULL);
  g_autofree char *short_id = NULL;
  g_autofree char *long_id = NULL;
  g_autofree char *both = NULL;
  g_autofree char *one = NULL;
  g_autofree char *several = NULL;
  g_autofree char *job = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  guint paragraph = 0;
  guint pages;

  if (!have_poppler ())
    return;

  ledger = ledger_new (&store);
  members = add_members (store, 8);
  while (g_utf8_strlen (minutes->str, -1) < 20000)
    {
      g_string_append_printf (minutes, "第%u段：支部书记传达上级会议精神，与会党员结合本职工作逐一发言，"
                                       "围绕学习贯彻、作风建设和为民服务谈认识、找差距、提措施。\n", ++paragraph);
    }
  short_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                              add_activity (store, BL_KIND_COMMITTEE_MEETING, "2025-11-03", "研究党费收缴",
                                            "一致同意按时收缴党费。", members, 3));
  long_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                             add_activity (store, BL_KIND_PARTY_LECTURE, "2025-11-18", "书记讲党课：守初心担使命",
                                           minutes->str, members, 0));
  g_clear_object (&store);

  one = g_build_filename (ledger->dir, "one.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-records", short_id,
                                "--output", one, NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (one), ==, 1);
  text = pdf_text (one, 0);
  for (guint i = 0; i < 10; i++)
    {
      static const char * const labels[] = { "类型", "时间", "地点", "主持人", "记录人", "主讲人",
                                             "主题", "应到", "实到", "缺席人员及原因" };
      assert_contains (text, labels[i]);
    }
  assert_contains (text, "列席人员");
  /* 出席人员 by name, those on leave under 缺席人员及原因 only. */
  assert_contains (text, "出席人员");
  {
    g_autoptr(GString) present = g_string_new ("出席人员");
    g_autoptr(BlStore) reopened = bl_store_open (ledger->database, NULL);
    g_autoptr(GListModel) attendance = bl_store_load_attendance (reopened, g_ascii_strtoll (short_id, NULL, 10), NULL);
    guint n_present = 0;

    /* In the list's order: by group, then name. */
    for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
      {
        g_autoptr(BlAttendee) row = g_list_model_get_item (attendance, i);

        if (bl_attendee_get_state (row) != BL_ATTENDANCE_PRESENT)
          continue;
        if (n_present++ > 0)
          g_string_append (present, "、");
        g_string_append (present, bl_attendee_get_member_name (row));
      }
    g_assert_cmpuint (n_present, ==, 5);
    g_string_append (present, "缺席人员及原因");
    assert_contains (text, present->str);
  }
  /* Not a group meeting: no group leader. */
  g_assert_null (strstr (text, "党小组组长"));
  assert_contains (text, "研究党费收缴");
  assert_contains (text, "一致同意按时收缴党费。");
  assert_contains (text, "公出");
  assert_contains (text, "主持人（签字）");
  g_clear_pointer (&text, g_free);

  several = g_build_filename (ledger->dir, "several.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-records", long_id,
                                "--output", several, NULL), ==, 0);
  pages = pdf_pages (several);
  g_assert_cmpuint (pages, >=, 3);
  text = pdf_text (several, 0);
  /* Every paragraph is printed, the last one too. */
  {
    g_autofree char *last = g_strdup_printf ("第%u段", paragraph);
    g_autofree char *final_page = pdf_text (several, (int) pages);

    assert_contains (text, "第1段");
    assert_contains (text, last);
    assert_contains (text, "主要内容（续）");
    assert_contains (final_page, "记录人（签字）");
  }
  g_clear_pointer (&text, g_free);

  /* One job, each record from a new page. */
  both = g_strdup_printf ("%s,%s", short_id, long_id);
  job = g_build_filename (ledger->dir, "job.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-records", both,
                                "--output", job, NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (job), ==, pages + 1);
  text = pdf_text (job, 2);
  assert_contains (text, "书记讲党课：守初心担使命");
  g_assert_null (strstr (text, "研究党费收缴"));
}

/* The record of a party group meeting names the group's leader on that
 * day, and the members present. */
static void
test_group_record (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  gint64 sun, gao, zhou;

  if (!have_poppler ())
    return;

  ledger = ledger_new (&store);
  sun = bl_test_add_member (store, "孙丽娟", "第一党小组", BL_MEMBER_ROLE_NONE);
  gao = bl_test_add_member (store, "高明", "第一党小组", BL_MEMBER_ROLE_NONE);
  zhou = bl_test_add_member (store, "周海涛", "第一党小组", BL_MEMBER_ROLE_NONE);
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", sun, NULL, &error));
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", gao, "2025-07-01", &error));
  g_assert_no_error (error);

  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_group (activity, "第一党小组");
  bl_activity_set_date (activity, "2025-06-12");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_topic (activity, "学习党章第一章");
  bl_attendance_add (attendance, sun, "孙丽娟", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (attendance, gao, "高明", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (attendance, zhou, "周海涛", BL_ATTENDANCE_LEAVE, "病假");
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  early = g_strdup_printf ("%" G_GINT64_FORMAT, bl_activity_get_id (activity));
  bl_activity_set_id (activity, 0);
  bl_activity_set_date (activity, "2025-07-10");
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  late = g_strdup_printf ("%s,%" G_GINT64_FORMAT, early, bl_activity_get_id (activity));
  g_clear_object (&store);

  pdf = g_build_filename (ledger->dir, "group.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-records", late,
                                "--output", pdf, NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  text = pdf_text (pdf, 1);
  assert_contains (text, "党小组会记录");
  assert_contains (text, "党小组组长孙丽娟");
  /* Names in the one member order: by the collation of the system's language. */
  assert_contains (text, "出席人员高明、孙丽娟缺席人员及原因周海涛（病假）");
  g_clear_pointer (&text, g_free);
  /* In July the group had a new leader. */
  text = pdf_text (pdf, 2);
  assert_contains (text, "党小组组长高明");
}

/* A ledger begun in late November: its November summary lists no missed
 * period from before (it used to list the whole year, onto a second page). */
static void
test_new_ledger_summary (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;

  if (!have_poppler ())
    return;

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), "2025-11-25"));
  g_setenv ("BRANCH_LEDGER_TODAY", "2025-11-25", TRUE);
  ledger = ledger_new (&store);
  bl_test_add_member (store, "张三", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  g_clear_object (&store);

  pdf = g_build_filename (ledger->dir, "new.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--report", "2025-11",
                                "--output", pdf, NULL), ==, 0);
  g_unsetenv ("BRANCH_LEDGER_TODAY");
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), NULL));
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  text = pdf_text (pdf, 0);
  assert_contains (text, "2025年11月 组织生活月度汇总");
  /* November's own quotas are there; no earlier month is. */
  assert_contains (text, "支部委员会每月1次");
  g_assert_null (strstr (text, "2025年10月"));
  g_assert_null (strstr (text, "2025年1月"));
  g_assert_null (strstr (text, "逾期未完成"));
}

/* A picture of @width × @height in @format, written to @dir/@name. */
static GFile *
write_picture (const char *dir,
               const char *name,
               const char *format,
               int         width,
               int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366aaff + (guint32) width * 0x100);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, format, &error, NULL));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

typedef struct {
  guint page;
  int   width;
  int   height;
  char  encoding[16];
} PdfImage;

/* The pictures of a PDF, as pdfimages -list tells them. */
static GArray *
pdf_images (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  GArray *images = g_array_new (FALSE, TRUE, sizeof (PdfImage));

  g_assert_cmpint (run (argv, "C", &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* Two lines of heading, then one a picture. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      PdfImage image = { 0 };
      char type[16], color[16];
      int num, comp, bpc;

      if (sscanf (lines[i], "%u %d %15s %d %d %15s %d %d %15s", &image.page, &num, type, &image.width,
                  &image.height, color, &comp, &bpc, image.encoding) == 9 && g_str_equal (type, "image"))
        g_array_append_val (images, image);
    }
  return images;
}

/* The record page carries its pictures after the minutes, four a page at
 * most, scaled (JPEGs kept as JPEGs), with their captions; its other files
 * by name. */
static void
test_record_pictures (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GArray) images = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *id = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  guint per_page[16] = { 0 };
  gint64 activity;
  const char *minutes_end, *heading, *caption;

  if (!have_poppler ())
    return;
  {
    g_autofree char *pdfimages = g_find_program_in_path ("pdfimages");

    if (pdfimages == NULL)
      {
        g_test_skip ("pdfimages (poppler-utils) is not installed");
        return;
      }
  }

  ledger = ledger_new (&store);
  members = add_members (store, 6);
  activity = add_activity (store, BL_KIND_THEME_DAY, "2025-11-08", "参观革命历史纪念馆",
                           "全体党员参观纪念馆，重温入党誓词。", members, 0);
  g_ptr_array_add (files, write_picture (src, "合影.jpg", "jpeg", 3000, 2000));
  g_ptr_array_add (files, write_picture (src, "誓词.jpg", "jpeg", 1500, 2000));
  g_ptr_array_add (files, write_picture (src, "签到表扫描.png", "png", 1240, 1754));
  g_ptr_array_add (files, write_picture (src, "展馆.webp", "webp", 800, 600));
  g_ptr_array_add (files, write_picture (src, "讲解.jpg", "jpeg", 640, 480));
  g_ptr_array_add (files, write_picture (src, "交流.jpg", "jpeg", 1024, 768));
  g_ptr_array_add (files, write_picture (src, "合影2.png", "png", 400, 300));
  {
    g_autofree char *path = g_build_filename (src, "学习材料.pdf", NULL);

    g_assert_true (g_file_set_contents (path, "%PDF-1.4\n%\xe2\xe3\n", -1, NULL));
    g_ptr_array_add (files, g_file_new_for_path (path));
  }
  g_assert_true (bl_store_attach_files (store, activity, (GFile **) files->pdata, files->len,
                                        BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);
  list = bl_store_load_attachments (store, activity, &error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *text_caption = g_strdup_printf ("会议照片%u", i + 1);

      bl_attachment_set_caption (attachment, text_caption);
    }
  g_assert_true (bl_store_save_attachments (store, activity, list, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, activity);
  pdf = g_build_filename (ledger->dir, "pictures.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-records", id,
                                "--output", pdf, NULL), ==, 0);

  /* Seven pictures; the PDF is not the photo album it was given. */
  images = pdf_images (pdf);
  g_assert_cmpuint (images->len, ==, 7);
  for (guint i = 0; i < images->len; i++)
    {
      const PdfImage *image = &g_array_index (images, PdfImage, i);

      g_test_message ("page %u: %d×%d %s", image->page, image->width, image->height, image->encoding);
      g_assert_cmpint (MAX (image->width, image->height), <=, 1200);
      g_assert_cmpuint (image->page, <, G_N_ELEMENTS (per_page));
      per_page[image->page]++;
    }
  /* The 3000×2000 photo scaled to 1200×800, still a JPEG; the PNG scan kept
   * without loss. */
  g_assert_cmpint (g_array_index (images, PdfImage, 0).width, ==, 1200);
  g_assert_cmpint (g_array_index (images, PdfImage, 0).height, ==, 800);
  g_assert_cmpstr (g_array_index (images, PdfImage, 0).encoding, ==, "jpeg");
  g_assert_cmpstr (g_array_index (images, PdfImage, 2).encoding, !=, "jpeg");
  /* Four a page at most, and four on a page of its own: whether or not a
   * first row fits under the record, seven pictures fill one page. */
  {
    guint most = 0;

    for (guint page = 0; page < G_N_ELEMENTS (per_page); page++)
      {
        g_assert_cmpuint (per_page[page], <=, 4);
        most = MAX (most, per_page[page]);
      }
    g_assert_cmpuint (most, ==, 4);
    g_assert_cmpuint (pdf_pages (pdf), >=, 3);
  }

  /* After the minutes, captioned; the PDF by its name. */
  text = pdf_text (pdf, 0);
  minutes_end = strstr (text, "重温入党誓词。");
  heading = strstr (text, "附件");
  caption = strstr (text, "会议照片1");
  g_assert_nonnull (minutes_end);
  g_assert_nonnull (heading);
  g_assert_nonnull (caption);
  g_assert_true (minutes_end < heading && heading < caption);
  assert_contains (text, "会议照片2");
  assert_contains (text, "会议照片3");
  assert_contains (text, "展馆.webp");
  assert_contains (text, "讲解.jpg");
  assert_contains (text, "其他附件：学习材料.pdf");
}

/* The monthly summary's activity table has a column for the attachments. */
static void
test_summary_files (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autofree char *src = bl_test_make_dir ();
  g_autoptr(GFile) a = write_picture (src, "a.jpg", "jpeg", 64, 64);
  g_autoptr(GFile) b = write_picture (src, "b.png", "png", 64, 64);
  g_autoptr(GFile) c = write_picture (src, "c.png", "png", 32, 64);
  GFile *files[] = { a, b, c };
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  gint64 activity;

  if (!have_poppler ())
    return;

  ledger = ledger_new (&store);
  activity = add_activity (store, BL_KIND_THEME_DAY, "2025-11-08", "带附件的主题党日", "记录", NULL, 0);
  add_activity (store, BL_KIND_COMMITTEE_MEETING, "2025-11-20", "没有附件的支委会", "记录", NULL, 0);
  g_assert_true (bl_store_attach_files (store, activity, files, 3, BL_ATTACHMENT_ADD_NONE, &error));
  g_clear_object (&store);

  pdf = g_build_filename (ledger->dir, "summary.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--report", "2025-11",
                                "--output", pdf, NULL), ==, 0);
  text = pdf_text (pdf, 1);
  /* The header's last column, then each row's count ("—" for none). */
  assert_contains (text, "出勤率附件");
  assert_contains (text, "带附件的主题党日王建国0/0—3");
  assert_contains (text, "没有附件的支委会王建国0/0——");
}

/* The sign-in sheet: the meeting, the members expected at it (the
 * committee, the group, or everyone active; never the transferred) in the
 * store's order, columns to sign in, rows for guests. */
static void
test_signin (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) committee = NULL;
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(BlActivity) meeting = bl_activity_new ();
  g_autoptr(BlMember) transferred = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *committee_id = NULL, *general_id = NULL, *group_id = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  const char *last;

  if (!have_poppler ())
    return;

  ledger = ledger_new (&store);
  members = add_members (store, 12);
  g_assert_true (bl_store_set_member_role (store, g_array_index (members, gint64, 4), BL_MEMBER_ROLE_ORGANIZATION,
                                           "2020-01-01", &error));
  g_assert_true (bl_store_set_member_role (store, g_array_index (members, gint64, 8), BL_MEMBER_ROLE_PROPAGANDA,
                                           "2020-01-01", &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_transfer_member (store, g_array_index (members, gint64, 5), "2025-01-01", &error));
  transferred = bl_store_find_member (store, g_array_index (members, gint64, 5));

  /* A committee meeting, planned, with two guests named. */
  bl_activity_set_kind (meeting, BL_KIND_COMMITTEE_MEETING);
  bl_activity_set_status (meeting, BL_ACTIVITY_STATUS_PLANNED);
  bl_activity_set_date (meeting, "2099-06-25");
  bl_activity_set_start_time (meeting, "09:00");
  bl_activity_set_end_time (meeting, "10:30");
  bl_activity_set_location (meeting, "党群服务中心二楼会议室");
  bl_activity_set_host (meeting, "赵伟伟");
  bl_activity_set_topic (meeting, "研究七一表彰工作");
  bl_activity_set_guests (meeting, "街道党工委刘书记、社区王主任");
  g_assert_true (bl_store_save_activity (store, meeting, NULL, &error));
  g_assert_no_error (error);
  committee_id = g_strdup_printf ("%" G_GINT64_FORMAT, bl_activity_get_id (meeting));
  general_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                add_activity (store, BL_KIND_GENERAL_MEETING, "2025-06-30", "党员大会", "记录",
                                              NULL, 0));
  {
    g_autoptr(BlActivity) group_meeting = bl_activity_new ();

    bl_activity_set_kind (group_meeting, BL_KIND_GROUP_MEETING);
    bl_activity_set_group (group_meeting, "第二党小组");
    bl_activity_set_status (group_meeting, BL_ACTIVITY_STATUS_PLANNED);
    bl_activity_set_date (group_meeting, "2099-07-02");
    bl_activity_set_topic (group_meeting, "学习党章");
    g_assert_true (bl_store_save_activity (store, group_meeting, NULL, &error));
    group_id = g_strdup_printf ("%" G_GINT64_FORMAT, bl_activity_get_id (group_meeting));
  }
  committee = bl_store_expected_members (store, BL_KIND_COMMITTEE_MEETING, NULL, "2099-06-25");
  everyone = bl_store_expected_members (store, BL_KIND_GENERAL_MEETING, NULL, "2025-06-30");
  group = bl_store_expected_members (store, BL_KIND_GROUP_MEETING, "第二党小组", "2099-07-02");
  g_assert_cmpuint (committee->len, ==, 3);
  g_assert_cmpuint (everyone->len, ==, 11);
  g_clear_object (&store);

  pdf = g_build_filename (ledger->dir, "signin.pdf", NULL);
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-signin", committee_id,
                                "--output", pdf, NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  text = pdf_text (pdf, 0);
  assert_contains (text, "星湖科技园区第一党支部");
  assert_contains (text, "支部委员会签到表");
  assert_contains (text, "研究七一表彰工作");
  assert_contains (text, "2099");
  assert_contains (text, "09:00–10:30");
  assert_contains (text, "党群服务中心二楼会议室");
  assert_contains (text, "赵伟伟");
  assert_contains (text, "序号姓名党小组签名备注");
  assert_contains (text, "列席人员");
  assert_contains (text, "街道党工委刘书记");
  assert_contains (text, "社区王主任");
  assert_contains (text, "应到：3人");
  for (guint i = 0; i < committee->len; i++)
    assert_contains (text, bl_member_get_name (g_ptr_array_index (committee, i)));
  for (guint i = 0; i < everyone->len; i++)
    {
      BlMember *member = g_ptr_array_index (everyone, i);
      gboolean on_committee = FALSE;

      for (guint j = 0; j < committee->len; j++)
        on_committee |= bl_member_get_id (g_ptr_array_index (committee, j)) == bl_member_get_id (member);
      if (!on_committee)
        g_assert_null (strstr (text, bl_member_get_name (member)));
    }
  g_clear_pointer (&text, g_free);

  /* Everyone active, in the store's order (this process sorts names as the
   * program does under zh_CN); not the one transferred out. */
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-signin", general_id,
                                "--output", pdf, NULL), ==, 0);
  text = pdf_text (pdf, 0);
  assert_contains (text, "支部党员大会签到表");
  last = text;
  for (guint i = 0; i < everyone->len; i++)
    {
      BlMember *member = g_ptr_array_index (everyone, i);
      g_autofree char *row = g_strdup_printf ("%u%s%s", i + 1, bl_member_get_name (member),
                                              bl_member_get_group (member));
      const char *found = strstr (last, row);

      if (found == NULL)
        g_error ("row “%s” is missing or out of order in:\n%s", row, text);
      last = found;
    }
  g_assert_null (strstr (text, bl_member_get_name (transferred)));
  g_clear_pointer (&text, g_free);

  /* A group meeting: the group alone. */
  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--print-signin", group_id,
                                "--output", pdf, NULL), ==, 0);
  text = pdf_text (pdf, 0);
  assert_contains (text, "党小组会（第二党小组）");
  for (guint i = 0; i < everyone->len; i++)
    {
      BlMember *member = g_ptr_array_index (everyone, i);
      gboolean in_group = g_str_equal (bl_member_get_group (member), "第二党小组");

      g_assert_true ((strstr (text, bl_member_get_name (member)) != NULL) == in_group);
    }
  g_assert_cmpuint (group->len, >, 0);
}

static void
test_refusals (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(Ledger) ledger = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *err = NULL;

  ledger = ledger_new (&store);
  g_clear_object (&store);
  pdf = g_build_filename (ledger->dir, "x.pdf", NULL);

  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--report", "2025-13",
                                "--output", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "YYYY-MM"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program ("zh_CN", &err, "--database", ledger->database, "--report", "11/2025",
                                "--output", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "月份"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--report", "2025-11", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--output"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--report", "2025-11",
                                "--output", "/nonexistent-dir/x.pdf", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent-dir/x.pdf"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--print-records", "9999",
                                "--output", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "9999"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--print-records", "1,abc",
                                "--output", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "abc"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--print-signin", "9999",
                                "--output", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "9999"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program ("C", &err, "--database", ledger->database, "--print-signin", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--output"));
  g_clear_pointer (&err, g_free);

  /* Nothing was written by any of them. */
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  locale_t zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);

  if (zh == (locale_t) 0)
    {
      g_printerr ("test-pdf: the zh_CN.UTF-8 locale is not installed (build-aux/dev generates it)\n");
      return 1;
    }
  freelocale (zh);
  setlocale (LC_ALL, "C.UTF-8");
  /* Names sort as the program run under zh_CN sorts them (the lists this
   * test builds to compare with the PDFs). */
  setlocale (LC_COLLATE, "zh_CN.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/monthly-summary", test_monthly_summary);
  g_test_add_func ("/pdf/big-month", test_big_month);
  g_test_add_func ("/pdf/empty-month", test_empty_month);
  g_test_add_func ("/pdf/records", test_records);
  g_test_add_func ("/pdf/group-record", test_group_record);
  g_test_add_func ("/pdf/new-ledger-summary", test_new_ledger_summary);
  g_test_add_func ("/pdf/record-pictures", test_record_pictures);
  g_test_add_func ("/pdf/summary-files", test_summary_files);
  g_test_add_func ("/pdf/signin", test_signin);
  g_test_add_func ("/pdf/refusals", test_refusals);

  return g_test_run ();
}
