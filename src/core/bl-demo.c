/* bl-demo.c: a realistic sample branch, for trying the app and for screenshots
 *
 * Everything goes through the store's public API, so the demo is exactly what
 * a secretary could have entered by hand. Dates are relative to "today" and
 * the random choices come from a fixed seed: the same day gives the same
 * ledger, and the ledger looks current whenever it is made. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bl-date.h"
#include "bl-demo.h"
#include "bl-kind.h"
#include "bl-rules.h"
#include "db/bl-ledger-copy.h"

#define DEMO_SEED 19210701u
#define N_MONTHS 24

typedef struct {
  const char       *name;
  int               group;        /* index into groups[] */
  BlMemberCategory  category;
  BlMemberRole      role;
  const char       *joined;       /* NULL: probationary, joined relative to today */
  int               joined_months_ago;
} MemberSpec;

static const char * const groups[] = { "第一党小组", "第二党小组", "第三党小组" };
/* 党小组长: each group meeting's host. */
static const char * const group_leaders[] = { "孙丽娟", "高明", "黄志华" };

#define TRANSFERRED_NAME "林志强"
#define TRANSFERRED_TO   "市交通运输局机关党支部"
#define DRIFTING_NAME    "赵磊"

static const MemberSpec member_specs[] = {
  { "王建国", 0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_SECRETARY,    "1998-07-01", 0 },
  { "张伟",   0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_ORGANIZATION, "2006-06-18", 0 },
  { "孙丽娟", 0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2003-12-09", 0 },
  { "周海涛", 0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2011-05-20", 0 },
  { "吴敏",   0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2015-07-01", 0 },
  { "郑晓东", 0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2009-10-26", 0 },
  { "胡晓梅", 0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2018-06-29", 0 },
  { "马骏",   0, BL_MEMBER_CATEGORY_PROBATIONARY, BL_MEMBER_ROLE_NONE, NULL, 9 },
  { TRANSFERRED_NAME, 0, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,   "2007-04-12", 0 },
  { "李秀兰", 1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_DEPUTY,       "2001-07-01", 0 },
  { "刘洋",   1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_PROPAGANDA,   "2012-11-15", 0 },
  { "何静怡", 1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2016-06-30", 0 },
  { "高明",   1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2004-09-08", 0 },
  { "罗佳",   1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2019-12-20", 0 },
  { "梁文博", 1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2010-03-25", 0 },
  { "唐凯",   1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2014-07-01", 0 },
  { "许丹",   1, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2017-05-04", 0 },
  { "宋雨桐", 1, BL_MEMBER_CATEGORY_PROBATIONARY, BL_MEMBER_ROLE_NONE, NULL, 5 },
  { "陈静",   2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_DISCIPLINE,   "2008-06-16", 0 },
  { DRIFTING_NAME, 2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,    "2013-10-11", 0 },
  { "黄志华", 2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2002-05-27", 0 },
  { "徐婷",   2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2016-12-02", 0 },
  { "朱晨",   2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2020-07-01", 0 },
  { "谢国平", 2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "1996-06-21", 0 },
  { "冯立军", 2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2005-11-30", 0 },
  { "邓佳琪", 2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2021-06-28", 0 },
  { "曹阳",   2, BL_MEMBER_CATEGORY_FULL, BL_MEMBER_ROLE_NONE,         "2011-09-19", 0 },
  { "韩雪",   2, BL_MEMBER_CATEGORY_PROBATIONARY, BL_MEMBER_ROLE_NONE, NULL, 2 },
};

#define SECRETARY_NAME    "王建国"
#define DEPUTY_NAME       "李秀兰"
#define ORGANIZATION_NAME "张伟"
#define PROPAGANDA_NAME   "刘洋"

#define ROOM        "园区党群服务中心二楼会议室"
#define BRANCH_ROOM "支部活动室"

static const char * const committee_topics[] = {
  "研究本月党员发展工作",
  "研究部署本月主题党日活动",
  "研究党费收缴和使用情况",
  "分析研判党员队伍思想状况",
  "研究入党积极分子培养考察情况",
  "研究落实园区党工委工作部署",
  "研究党员志愿服务活动安排",
  "研究推荐优秀共产党员人选",
  "研究支部阶段性工作总结",
  "研究“三会一课”落实情况自查整改",
  "研究困难党员走访慰问安排",
  "研究党建与业务工作融合推进措施",
};

static const char * const group_topics[] = {
  "学习党章第一章“党员”",
  "交流《习近平谈治国理政》学习体会",
  "学习《中国共产党纪律处分条例》",
  "开展批评与自我批评，查摆工作作风问题",
  "学习中央八项规定及其实施细则精神",
  "讨论如何在岗位上发挥党员先锋模范作用",
  "学习身边先进典型事迹",
  "交流岗位建功立业经验",
  "收看警示教育片并交流心得",
  "学习《中国共产党党员教育管理工作条例》",
  "讨论本小组党员联系服务群众情况",
  "学习习近平总书记给青年的回信精神",
};

static const char * const theme_topics[] = {
  "重温入党誓词，为党员过“政治生日”",
  "走进红色教育基地，传承红色基因",
  "党员志愿服务进社区",
  "“学习强国”知识竞赛",
  "参观廉政教育基地，筑牢拒腐防变防线",
  "观看红色电影并开展交流讨论",
  "走访慰问困难党员和老党员",
  "垃圾分类宣传志愿服务",
  "“我为群众办实事”实践活动",
  "园区企业党建经验交流",
  "清明节祭扫烈士陵园",
  "庆祝建党纪念日主题活动",
};

static const char * const theme_locations[] = {
  ROOM,
  "市革命历史纪念馆",
  "星湖社区党群服务站",
  ROOM,
  "市廉政教育基地",
  BRANCH_ROOM,
  "党员家中",
  "星湖社区",
  "园区企业服务中心",
  ROOM,
  "市烈士陵园",
  ROOM,
};

typedef struct {
  const char *topic;
  gboolean    ideology;   /* tagged 意识形态 */
} StudySpec;

static const StudySpec study_topics[] = {
  { "第一议题：学习习近平总书记最新重要讲话精神", FALSE },
  { "学习习近平总书记关于意识形态工作的重要论述", TRUE },
  { "学习《习近平新时代中国特色社会主义思想学习纲要》", FALSE },
  { "学习党的二十大报告", FALSE },
  { "学习《中国共产党宣传工作条例》", TRUE },
  { "学习习近平总书记关于全面从严治党的重要论述", FALSE },
  { "学习习近平文化思想", TRUE },
  { "学习《关于新形势下党内政治生活的若干准则》", FALSE },
  { "学习习近平总书记关于网络强国的重要思想", TRUE },
  { "学习党的二十届三中全会精神", FALSE },
  { "学习《党委（党组）意识形态工作责任制实施办法》", TRUE },
  { "学习习近平总书记在全国两会期间的重要讲话精神", FALSE },
};

static const char * const lecture_topics[] = {
  "坚定理想信念，做新时代合格共产党员",
  "以党的创新理论武装头脑、指导实践",
  "从党史中汲取奋进力量",
  "严守政治纪律和政治规矩",
  "弘扬伟大建党精神，践行初心使命",
  "深入学习贯彻中央八项规定精神",
  "牢牢掌握意识形态工作领导权",
  "以高质量党建引领园区高质量发展",
};

static const char * const general_topics[] = {
  "传达学习上级党组织会议精神，部署下一阶段工作",
  "审议支部半年工作总结",
  "通报党费收缴情况和党员发展工作",
  "讨论支部年度工作计划",
};

static const char * const leave_reasons[] = { "病假", "事假", "公出" };
static const char * const other_reasons[] = {
  "参加区委党校培训",
  "在外地驻场项目",
  "陪护住院家属",
};

typedef struct {
  BlStore    *store;
  GRand      *rand;
  GDate       today;
  char       *today_iso;
  GHashTable *member_ids;   /* name → gint64 id */
  char       *drifting_last;   /* the drifting member attends nothing after this day */
  char       *drifting_from;   /* …and everything in the three weeks up to it */
  guint       drifting_leaves; /* 事假 recorded for them since */
  guint       counters[8];     /* round-robin positions in the topic tables */
} Demo;

enum { C_COMMITTEE, C_GROUP, C_THEME, C_STUDY, C_LECTURE, C_GENERAL, C_OTHER };

/* Moves a weekend day to the Friday before (meetings are on working days). */
static void
to_weekday (GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);

  if (wd == G_DATE_SATURDAY)
    g_date_subtract_days (date, 1);
  else if (wd == G_DATE_SUNDAY)
    g_date_subtract_days (date, 2);
}

/* The working day of a meeting on day @day of month @month (1-12) of
 * @year: that day, clamped to the month's length, or the Friday before. */
static void
meeting_day (GDate *out, int year, int month, int day)
{
  guint8 length = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) MIN (day, (int) length), (GDateMonth) month, (GDateYear) year);
  to_weekday (out);
}

static const char *
next_topic (Demo *demo, int counter, const char * const *table, guint n)
{
  return table[demo->counters[counter]++ % n];
}

static gint64
member_id (Demo *demo, const char *name)
{
  gpointer value = g_hash_table_lookup (demo->member_ids, name);

  g_assert (value != NULL);
  return *(gint64 *) value;
}

/* Fills @attendance for @activity from the members the store expects
 * (应到), mostly present, a few on leave with their reason. */
static void
fill_attendance (Demo *demo, BlActivity *activity, GListStore *attendance, GString *leave_text, guint *n_present)
{
  g_autoptr(GPtrArray) expected = NULL;
  const char *date = bl_activity_get_date (activity);
  gint64 drifting_id = member_id (demo, DRIFTING_NAME);

  expected = bl_store_expected_members (demo->store, bl_activity_get_kind (activity),
                                        bl_activity_get_group (activity), date);
  *n_present = 0;
  for (guint i = 0; expected != NULL && i < expected->len; i++)
    {
      BlMember *member = g_ptr_array_index (expected, i);
      gint64 id = bl_member_get_id (member);
      BlAttendanceState state = BL_ATTENDANCE_PRESENT;
      const char *reason = "";
      double roll = g_rand_double (demo->rand);

      if (id == drifting_id && g_strcmp0 (date, demo->drifting_last) > 0)
        {
          /* Drifting away: a couple of 事假, then simply not coming. */
          if (demo->drifting_leaves < 2)
            {
              state = BL_ATTENDANCE_LEAVE;
              reason = "事假";
              demo->drifting_leaves++;
            }
          else
            state = BL_ATTENDANCE_ABSENT;
        }
      else if (id == drifting_id && g_strcmp0 (date, demo->drifting_from) >= 0)
        state = BL_ATTENDANCE_PRESENT;   /* still came in the weeks before */
      else if (roll < 0.08)
        {
          state = BL_ATTENDANCE_LEAVE;
          reason = leave_reasons[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (leave_reasons))];
        }
      else if (roll < 0.09)
        {
          state = BL_ATTENDANCE_LEAVE;
          reason = other_reasons[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (other_reasons))];
        }
      else if (roll < 0.095)
        state = BL_ATTENDANCE_ABSENT;

      bl_attendance_add (attendance, id, bl_member_get_name (member), state, reason);
      if (state == BL_ATTENDANCE_PRESENT)
        (*n_present)++;
      else
        {
          if (leave_text->len > 0)
            g_string_append (leave_text, "、");
          g_string_append_printf (leave_text, "%s（%s）", bl_member_get_name (member),
                                  state == BL_ATTENDANCE_LEAVE ? reason : "缺席");
        }
    }
}

/* The minutes a careful recorder writes: who, what was studied or decided,
 * what people said (inspectors reject records that are too thin). */
static char *
compose_minutes (Demo *demo, BlActivity *activity, guint expected, guint present, const char *absent)
{
  const char *kind = bl_activity_get_kind (activity);
  const char *topic = bl_activity_get_topic (activity);
  const char *host = bl_activity_get_host (activity);
  const char *lecturer = bl_activity_get_lecturer (activity);
  g_autofree char *head = NULL;
  const char *body;

  head = g_strdup_printf ("会议由%s主持，应到%u人，实到%u人%s%s。",
                          host != NULL && *host ? host : SECRETARY_NAME, expected, present,
                          *absent ? "，请假或缺席：" : "", absent);

  if (g_str_equal (kind, BL_KIND_COMMITTEE_MEETING))
    body = "一、传达学习上级党组织近期文件和会议精神。\n"
           "二、围绕议题逐项研究，各委员结合分管工作发表意见。\n"
           "三、通报本月支部组织生活开展情况，明确下月重点工作和责任分工。";
  else if (g_str_equal (kind, BL_KIND_GROUP_MEETING))
    body = "一、党小组长领学有关内容。\n"
           "二、党员逐一发言，结合本职工作谈认识、找差距。\n"
           "三、党小组长进行小结，对下一步学习和工作提出要求。";
  else if (g_str_equal (kind, BL_KIND_THEME_DAY))
    body = "一、集体学习“第一议题”内容。\n"
           "二、开展主题实践活动，党员佩戴党员徽章全程参加。\n"
           "三、党员交流活动体会，支部书记作总结讲话。\n"
           "特色：活动与服务园区企业、服务群众相结合，受到群众好评。";
  else if (g_str_equal (kind, BL_KIND_STUDY_SESSION))
    body = "一、领学原文，重点学习有关论述的核心要义。\n"
           "二、与会人员结合思想和工作实际交流研讨。\n"
           "三、主持人作总结，要求把学习成果转化为推动工作的实际成效。";
  else if (g_str_equal (kind, BL_KIND_PARTY_LECTURE))
    {
      g_autofree char *intro = g_strdup_printf ("%s\n主讲人%s围绕“%s”讲授专题党课，从理论逻辑、历史逻辑和实践逻辑三个方面作了阐述，"
                                                "结合支部实际提出了具体要求。党员认真听讲并做好学习笔记，会后交流了学习体会。",
                                                head, lecturer != NULL ? lecturer : "", topic);
      return g_steal_pointer (&intro);
    }
  else if (g_str_equal (kind, BL_KIND_GENERAL_MEETING))
    body = "一、支部书记通报近期支部工作情况。\n"
           "二、围绕会议议题进行讨论，党员充分发表意见。\n"
           "三、按程序进行表决，会议形成决议。\n"
           "四、支部书记对下一阶段工作作出部署。";
  else if (g_str_equal (kind, BL_KIND_LIFE_MEETING))
    body = "一、支部书记代表支部委员会作对照检查，通报年度工作和问题整改情况。\n"
           "二、支部委员、党员逐一进行个人对照检查发言。\n"
           "三、开展批评和自我批评，党员之间互相提出批评意见，被批评者当场表态。\n"
           "四、明确问题清单和整改措施，落实到人、限期完成。";
  else if (g_str_equal (kind, BL_KIND_MEMBER_REVIEW))
    body = "一、党员个人总结，开展自评。\n"
           "二、党员互评，听取群众意见。\n"
           "三、支部委员会综合评定，确定评议等次并向本人反馈。";
  else if (g_str_equal (kind, BL_KIND_HEART_TALK))
    body = "支部书记与委员、委员与党员、党员与党员之间开展谈心谈话，"
           "了解党员思想、工作和生活情况，听取对支部工作的意见建议，逐一记录并反馈。";
  else
    body = "一、传达学习有关文件精神。\n"
           "二、围绕主题研究讨论，明确工作措施。\n"
           "三、主持人作总结。";

  return g_strdup_printf ("%s\n议题：%s\n%s", head, topic, body);
}

static gboolean
save_activity (Demo             *demo,
               const char       *kind,
               const GDate      *date,
               const char       *start,
               const char       *end,
               const char       *location,
               const char       *host,
               const char       *lecturer,
               const char       *group,
               const char       *topic,
               gboolean          first_topic,
               const char       *tag,
               const char       *resolutions,
               const char       *guests,
               BlActivityStatus  status,
               GError          **error)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autofree char *date_iso = bl_date_to_iso (date);
  const char *tags[] = { tag, NULL };

  bl_activity_set_kind (activity, kind);
  bl_activity_set_status (activity, status);
  bl_activity_set_date (activity, date_iso);
  bl_activity_set_start_time (activity, start);
  bl_activity_set_end_time (activity, end);
  bl_activity_set_location (activity, location);
  bl_activity_set_host (activity, host);
  bl_activity_set_recorder (activity, g_str_equal (kind, BL_KIND_GROUP_MEETING) ? NULL
                                      : (g_strcmp0 (host, ORGANIZATION_NAME) == 0 ? PROPAGANDA_NAME
                                                                                   : ORGANIZATION_NAME));
  bl_activity_set_lecturer (activity, lecturer);
  bl_activity_set_group (activity, group != NULL ? group : "");
  bl_activity_set_topic (activity, topic);
  bl_activity_set_first_topic (activity, first_topic);
  if (tag != NULL)
    bl_activity_set_tags (activity, tags);
  bl_activity_set_guests (activity, guests);

  if (status == BL_ACTIVITY_STATUS_HELD)
    {
      g_autoptr(GString) absent = g_string_new (NULL);
      g_autofree char *minutes = NULL;
      guint present = 0;

      fill_attendance (demo, activity, attendance, absent, &present);
      minutes = compose_minutes (demo, activity, g_list_model_get_n_items (G_LIST_MODEL (attendance)),
                                 present, absent->str);
      bl_activity_set_content (activity, minutes);
      bl_activity_set_resolutions (activity, resolutions);
    }

  return bl_store_save_activity (demo->store, activity, G_LIST_MODEL (attendance), error);
}

/* A past date is held; today and later ones are not yet. */
static gboolean
is_past (Demo *demo, const GDate *date)
{
  return g_date_compare (date, &demo->today) < 0;
}

static gboolean
add_members (Demo *demo, GError **error)
{
  g_autofree char *transferred_iso = NULL;
  GDate transferred = demo->today;

  g_date_subtract_months (&transferred, 8);
  transferred_iso = bl_date_to_iso (&transferred);

  for (guint i = 0; i < G_N_ELEMENTS (member_specs); i++)
    {
      const MemberSpec *spec = &member_specs[i];
      g_autoptr(BlMember) member = bl_member_new (spec->name);
      g_autofree char *joined = NULL;
      g_autofree char *phone = NULL;
      gint64 *id;

      if (spec->joined != NULL)
        joined = g_strdup (spec->joined);
      else
        {
          GDate date = demo->today;

          g_date_subtract_months (&date, spec->joined_months_ago);
          g_date_subtract_days (&date, g_rand_int_range (demo->rand, 0, 20));
          joined = bl_date_to_iso (&date);
        }
      phone = g_strdup_printf ("13%d%04d%04d", g_rand_int_range (demo->rand, 5, 10),
                               g_rand_int_range (demo->rand, 0, 10000),
                               g_rand_int_range (demo->rand, 0, 10000));

      bl_member_set_group (member, groups[spec->group]);
      bl_member_set_category (member, spec->category);
      bl_member_set_joined (member, joined);
      bl_member_set_phone (member, phone);
      /* The committee was elected before the demo's two years began: a
       * role first saved with the member counts as held all along. */
      bl_member_set_role (member, spec->role);
      if (g_str_equal (spec->name, TRANSFERRED_NAME))
        {
          /* Moved to another branch eight months ago: kept for history,
           * expected at nothing from that day on. */
          bl_member_set_status (member, BL_MEMBER_STATUS_TRANSFERRED);
          bl_member_set_transferred_on (member, transferred_iso);
          bl_member_set_transferred_to (member, TRANSFERRED_TO);
        }
      if (!bl_store_save_member (demo->store, member, error))
        return FALSE;

      id = g_new (gint64, 1);
      *id = bl_member_get_id (member);
      g_hash_table_insert (demo->member_ids, (gpointer) spec->name, id);
    }

  /* Each group's leader, in office before the demo's two years began. */
  for (guint g = 0; g < G_N_ELEMENTS (group_leaders); g++)
    {
      gint64 *id = g_hash_table_lookup (demo->member_ids, group_leaders[g]);

      if (!bl_store_set_group_leader (demo->store, groups[g], *id, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Which earlier months miss a quota (counted back from the current month). */
#define MISS_COMMITTEE 3    /* no committee meeting (the secretary was away) */
#define MISS_GROUP     5    /* the third party group did not meet */
#define MISS_THEME     14   /* no themed party day */

/* The last quarter that has ended: its party lecture was not given. */
static int
last_quarter_end_back (Demo *demo)
{
  int month = g_date_get_month (&demo->today);

  return month % 3 == 0 ? 3 : month % 3;
}

static gboolean
add_month (Demo *demo, int year, int month, int back, GError **error)
{
  GDate date;
  gboolean current = back == 0;
  const char *topic;

  /* 支部委员会, early in the month. */
  meeting_day (&date, year, month, 3 + g_rand_int_range (demo->rand, 0, 4));
  topic = next_topic (demo, C_COMMITTEE, committee_topics, G_N_ELEMENTS (committee_topics));
  if (back != MISS_COMMITTEE && is_past (demo, &date) &&
      !save_activity (demo, BL_KIND_COMMITTEE_MEETING, &date, "09:00", "10:30", ROOM,
                      SECRETARY_NAME, NULL, NULL, topic, FALSE, NULL,
                      "1. 会议议定事项由分管委员牵头落实，月底前报告进展。\n2. 按计划做好下月组织生活安排。",
                      NULL, BL_ACTIVITY_STATUS_HELD, error))
    return FALSE;

  /* 党小组会, one per group. */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      BlActivityStatus status = BL_ACTIVITY_STATUS_HELD;
      int day = 8 + 2 * (int) g + g_rand_int_range (demo->rand, 0, 4);

      topic = next_topic (demo, C_GROUP, group_topics, G_N_ELEMENTS (group_topics));
      meeting_day (&date, year, month, day);
      if (g == 2 && back == MISS_GROUP)
        continue;
      if (current && g == 1)
        {
          /* Planned two days ago, but nobody has filled in the record yet. */
          GDate planned = demo->today;

          g_date_subtract_days (&planned, 2);
          if (g_date_get_month (&planned) != (GDateMonth) month)
            continue;
          date = planned;
          status = BL_ACTIVITY_STATUS_PLANNED;
        }
      else if (!is_past (demo, &date))
        continue;
      if (!save_activity (demo, BL_KIND_GROUP_MEETING, &date, "15:00", "16:30", BRANCH_ROOM,
                          group_leaders[g], NULL, groups[g], topic, FALSE, NULL, NULL, NULL,
                          status, error))
        return FALSE;
    }

  /* 主题党日, around the 20th; this month's is planned next week instead. */
  {
    /* The last two topics belong to their months (清明, 七一). */
    guint index = demo->counters[C_THEME]++ % (G_N_ELEMENTS (theme_topics) - 2);

    meeting_day (&date, year, month, 18 + g_rand_int_range (demo->rand, 0, 5));
    if (month == 4)
      index = 10;   /* 清明 */
    else if (month == 7)
      index = 11;   /* 七一 */
    if (!current && back != MISS_THEME && is_past (demo, &date) &&
        !save_activity (demo, BL_KIND_THEME_DAY, &date, "14:30", "17:00", theme_locations[index],
                        SECRETARY_NAME, NULL, NULL, theme_topics[index], FALSE, NULL, NULL,
                        index == 9 ? "园区企业党建指导员" : NULL,
                        BL_ACTIVITY_STATUS_HELD, error))
      return FALSE;
  }

  /* 理论学习 with the 第一议题, at the end of the month; some on ideology. */
  {
    const StudySpec *study = &study_topics[demo->counters[C_STUDY]++ % G_N_ELEMENTS (study_topics)];

    meeting_day (&date, year, month, 24 + g_rand_int_range (demo->rand, 0, 4));
    if (is_past (demo, &date) &&
        !save_activity (demo, BL_KIND_STUDY_SESSION, &date, "14:00", "15:30", ROOM,
                        DEPUTY_NAME, NULL, NULL, study->topic, TRUE,
                        study->ideology ? "意识形态" : NULL, NULL, NULL,
                        BL_ACTIVITY_STATUS_HELD, error))
      return FALSE;
  }

  /* 党员大会 in the middle month of each quarter. */
  if (month % 3 == 2)
    {
      meeting_day (&date, year, month, 12 + g_rand_int_range (demo->rand, 0, 3));
      topic = next_topic (demo, C_GENERAL, general_topics, G_N_ELEMENTS (general_topics));
      if (is_past (demo, &date) &&
          !save_activity (demo, BL_KIND_GENERAL_MEETING, &date, "14:00", "16:00", ROOM,
                          SECRETARY_NAME, NULL, NULL, topic, FALSE, NULL,
                          "经到会正式党员举手表决，全体同意会议议题所列事项。",
                          month == 8 ? "园区党工委组织部 周明华" : NULL,
                          BL_ACTIVITY_STATUS_HELD, error))
        return FALSE;
    }

  /* 党课 in the last month of each quarter; the secretary gives the second
   * quarter's, the others a committee member or the park's Party school. */
  if (month % 3 == 0 && back != last_quarter_end_back (demo))
    {
      const char *lecturer;
      g_autofree char *lecture_topic = NULL;

      topic = next_topic (demo, C_LECTURE, lecture_topics, G_N_ELEMENTS (lecture_topics));
      if (month == 6)
        lecturer = SECRETARY_NAME;
      else if (month == 3)
        lecturer = DEPUTY_NAME;
      else if (month == 9)
        lecturer = "园区党工委党校讲师 黄文斌";
      else
        lecturer = PROPAGANDA_NAME;
      lecture_topic = month == 6 ? g_strdup_printf ("书记讲党课：%s", topic) : g_strdup (topic);
      meeting_day (&date, year, month, 16 + g_rand_int_range (demo->rand, 0, 3));
      if (is_past (demo, &date) &&
          !save_activity (demo, BL_KIND_PARTY_LECTURE, &date, "14:30", "16:00", ROOM,
                          SECRETARY_NAME, lecturer, NULL, lecture_topic, FALSE,
                          g_strrstr (topic, "意识形态") != NULL ? "意识形态" : NULL, NULL, NULL,
                          BL_ACTIVITY_STATUS_HELD, error))
        return FALSE;
    }

  /* 谈心谈话 every October. */
  if (month == 10)
    {
      g_autofree char *talk = g_strdup_printf ("%d年度谈心谈话", year);

      meeting_day (&date, year, month, 28);
      if (is_past (demo, &date) &&
          !save_activity (demo, BL_KIND_HEART_TALK, &date, "09:00", "17:00", BRANCH_ROOM,
                          SECRETARY_NAME, NULL, NULL, talk, FALSE, NULL, NULL, NULL,
                          BL_ACTIVITY_STATUS_HELD, error))
        return FALSE;
    }

  /* 组织生活会 and 民主评议党员 together in late December. */
  if (month == 12)
    {
      g_autofree char *life = g_strdup_printf ("%d年度组织生活会", year);
      g_autofree char *review = g_strdup_printf ("%d年度民主评议党员", year);

      meeting_day (&date, year, month, 26);
      if (is_past (demo, &date) &&
          (!save_activity (demo, BL_KIND_LIFE_MEETING, &date, "09:00", "11:30", ROOM,
                           SECRETARY_NAME, NULL, NULL, life, FALSE, NULL,
                           "1. 会上查摆的问题形成整改清单，次年一季度前整改到位。\n2. 整改情况在下次党员大会上通报。",
                           "园区党工委督导组 周明华", BL_ACTIVITY_STATUS_HELD, error) ||
           !save_activity (demo, BL_KIND_MEMBER_REVIEW, &date, "14:00", "16:30", ROOM,
                           SECRETARY_NAME, NULL, NULL, review, FALSE, NULL,
                           "评议结果：优秀党员5名，其余党员评定为合格。",
                           NULL, BL_ACTIVITY_STATUS_HELD, error)))
        return FALSE;
    }

  return TRUE;
}

/* The park's ideology plan adds kinds of its own (专题研究意识形态工作,
 * 风险研判, 督查, 专题汇报; see data/rules/park-2025-ideology.ini): the
 * committee's records of them, a couple a year. */
static gboolean
add_ideology_work (Demo *demo, GError **error)
{
  static const struct {
    const char *kind;
    const char *topic;
    int         months[2];
  } work[] = {
    { "ideology-research", "专题研究部署支部意识形态工作", { 2, 8 } },
    { "risk-assessment", "分析研判意识形态领域风险点", { 5, 11 } },
    { "inspection", "开展意识形态工作责任制落实情况督查", { 9, 0 } },
    { "report-upward", "向园区党工委专题汇报意识形态工作", { 6, 12 } },
  };
  int year = g_date_get_year (&demo->today);

  for (guint w = 0; w < G_N_ELEMENTS (work); w++)
    {
      /* The pack, enabled above in this transaction, defined the kind. */
      for (int y = year - 1; y <= year; y++)
        for (guint i = 0; i < G_N_ELEMENTS (work[w].months) && work[w].months[i] != 0; i++)
          {
            GDate date;

            meeting_day (&date, y, work[w].months[i], 10);
            if (is_past (demo, &date) &&
                !save_activity (demo, work[w].kind, &date, "10:30", "11:30", ROOM, SECRETARY_NAME,
                                NULL, NULL, work[w].topic, FALSE, "意识形态", NULL, NULL,
                                BL_ACTIVITY_STATUS_HELD, error))
              return FALSE;
          }
    }
  return TRUE;
}

static gboolean
fill (Demo *demo, GError **error)
{
  GDate first = demo->today;
  GDate planned = demo->today;
  GDate drifting = demo->today;

  if (!bl_store_set_setting (demo->store, BL_SETTING_BRANCH_NAME, BL_DEMO_BRANCH_NAME, error))
    return FALSE;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    if (!bl_store_ensure_group (demo->store, groups[g], error))
      return FALSE;

  if (!add_members (demo, error))
    return FALSE;

  /* 赵磊 last took part five months and a few days ago. */
  g_date_subtract_months (&drifting, 5);
  g_date_subtract_days (&drifting, 4);
  demo->drifting_last = bl_date_to_iso (&drifting);
  g_date_subtract_days (&drifting, 21);
  demo->drifting_from = bl_date_to_iso (&drifting);

  g_date_set_day (&first, 1);
  g_date_subtract_months (&first, N_MONTHS - 1);
  for (int back = N_MONTHS - 1; back >= 0; back--)
    {
      GDate month = first;

      g_date_add_months (&month, N_MONTHS - 1 - back);
      if (!add_month (demo, g_date_get_year (&month), g_date_get_month (&month), back, error))
        return FALSE;
    }

  if (!add_ideology_work (demo, error))
    return FALSE;

  /* Next week's themed party day, planned but not yet held. */
  g_date_add_days (&planned, 7);
  to_weekday (&planned);
  if (!save_activity (demo, BL_KIND_THEME_DAY, &planned, "14:30", "17:00", "市革命历史纪念馆",
                      SECRETARY_NAME, NULL, NULL, "重温入党誓词，参观革命历史纪念馆", FALSE, NULL,
                      NULL, NULL, BL_ACTIVITY_STATUS_PLANNED, error))
    return FALSE;

  return TRUE;
}

gboolean
bl_demo_fill (BlStore     *store,
              const char  *today,
              GError     **error)
{
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&demo.today, 1);
  if (today == NULL)
    bl_clock_get_date (bl_store_get_clock (store), &demo.today);
  else if (!bl_date_parse (today, &demo.today))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), today);
      return FALSE;
    }

  if (!bl_store_is_empty (store))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("The sample data can only be written into an empty ledger"));
      return FALSE;
    }

  demo.store = store;
  demo.rand = g_rand_new_with_seed (DEMO_SEED);
  demo.today_iso = bl_date_to_iso (&demo.today);
  demo.member_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* One transaction: the packs (with their custom kinds) and every record. */
  ok = bl_store_begin (store, error);
  if (ok)
    {
      ok = bl_rules_set_pack_enabled (store, "standard", TRUE, error) &&
           bl_rules_set_pack_enabled (store, "park-2025-ideology", TRUE, error) &&
           fill (&demo, error) &&
           bl_store_commit (store, error);
      if (!ok)
        bl_store_rollback (store);
    }

  g_rand_free (demo.rand);
  g_free (demo.today_iso);
  g_free (demo.drifting_last);
  g_free (demo.drifting_from);
  g_hash_table_unref (demo.member_ids);
  return ok;
}

gboolean
bl_demo_write_file (const char  *path,
                    const char  *today,
                    GError     **error)
{
  g_autoptr(BlStore) store = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Never overwrite someone's file: an empty one (just created) is fine. */
  if (g_stat (path, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE,
                   _("%s already exists; the sample data is only written to a new file"), path);
      return FALSE;
    }

  store = bl_store_open (path, error);
  if (store == NULL)
    return FALSE;
  if (bl_demo_fill (store, today, error))
    return TRUE;

  /* Half a sample (a full disk) is no use, and would be refused next time:
   * the file made here goes. */
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  return FALSE;
}

/* Removes the folder bl_demo_rebuild_file() made, with what the store wrote
 * in it (the ledger, its daily backup): only ever that folder. */
static void
remove_work_dir (const char *dir)
{
  static const char * const subdirs[] = { "backups", "" };

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (dir, subdirs[i], NULL);
      g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);

          if (!g_file_test (file, G_FILE_TEST_IS_DIR))
            g_unlink (file);
        }
      g_rmdir (path);
    }
}

gboolean
bl_demo_rebuild_file (const char  *path,
                      const char  *today,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *work = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(BlStore) store = NULL;
  GStatBuf st;
  gboolean done;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_stat (path, &st) != 0 || st.st_size == 0)
    return bl_demo_write_file (path, today, error);

  /* The new sample is made aside, then copied in through SQLite: the old
   * one's -wal and -shm are SQLite's to retire, never deleted under it. */
  dir = g_path_get_dirname (path);
  work = g_build_filename (dir, ".sample-XXXXXX", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_mkdtemp_full (work, 0700) == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot create the folder %s."), dir);
      return FALSE;
    }
  fresh = g_build_filename (work, "sample.db", NULL);
  store = bl_store_open (fresh, error);
  done = store != NULL && bl_demo_fill (store, today, error) &&
         bl_ledger_copy_over (bl_store_get_db (store), path, error);
  g_clear_object (&store);
  remove_work_dir (work);
  return done;
}
