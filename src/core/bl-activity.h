/* bl-activity.h: one activity (meeting, lecture, themed day…): its record,
 * tags and 应到/实到 counts; the attendance itself is a list of BlAttendee
 * the store loads when needed (bl_store_load_attendance()) */
#pragma once

#include <glib-object.h>

#include "bl-attendee.h"

G_BEGIN_DECLS

typedef enum {
  BL_ACTIVITY_STATUS_PLANNED,  /* 计划 */
  BL_ACTIVITY_STATUS_HELD,     /* 已开展 */
} BlActivityStatus;

#define BL_TYPE_ACTIVITY (bl_activity_get_type ())
G_DECLARE_FINAL_TYPE (BlActivity, bl_activity, BL, ACTIVITY, GObject)

BlActivity      *bl_activity_new             (void);
/* A copy, tags and counts included: editors work on a copy. */
BlActivity      *bl_activity_copy            (BlActivity *self);
/* Copies every field of @src into @self, notifying what changed (the id too). */
void             bl_activity_assign          (BlActivity *self, BlActivity *src);
/* "复制为新记录": a new record (id 0, held, no date) with the kind, party
 * group, start and end time, location, host and topic of @self; nothing
 * else (no minutes, tags or attendance). */
BlActivity      *bl_activity_copy_as_new     (BlActivity *self);
/* Brings the record to the form the ledger keeps and compares: times as
 * "HH:MM" ("9:05" and "９：０５" are "09:05"), the one-line texts (kind, date,
 * location, host, recorder, lecturer, party group, topic, guests) without
 * the spaces around them, U+3000 included, and tags split (bl_tags_split())
 * and without repeats. The minutes and resolutions are kept exactly. A time
 * that is no time is left for bl_activity_check() to point out. */
void             bl_activity_normalize       (BlActivity *self);

gint64           bl_activity_get_id          (BlActivity *self);
void             bl_activity_set_id          (BlActivity *self, gint64 id);
const char      *bl_activity_get_kind        (BlActivity *self);
void             bl_activity_set_kind        (BlActivity *self, const char *kind);
BlActivityStatus bl_activity_get_status      (BlActivity *self);
void             bl_activity_set_status      (BlActivity *self, BlActivityStatus status);
/* "YYYY-MM-DD"; times "HH:MM" or NULL. */
const char      *bl_activity_get_date        (BlActivity *self);
void             bl_activity_set_date        (BlActivity *self, const char *date);
const char      *bl_activity_get_start_time  (BlActivity *self);
void             bl_activity_set_start_time  (BlActivity *self, const char *time);
const char      *bl_activity_get_end_time    (BlActivity *self);
void             bl_activity_set_end_time    (BlActivity *self, const char *time);
const char      *bl_activity_get_location    (BlActivity *self);
void             bl_activity_set_location    (BlActivity *self, const char *location);
const char      *bl_activity_get_host        (BlActivity *self);
void             bl_activity_set_host        (BlActivity *self, const char *host);
const char      *bl_activity_get_recorder    (BlActivity *self);
void             bl_activity_set_recorder    (BlActivity *self, const char *recorder);
/* Lecturer's name (a member's or a guest's). */
const char      *bl_activity_get_lecturer    (BlActivity *self);
void             bl_activity_set_lecturer    (BlActivity *self, const char *lecturer);
/* Party group name for group meetings ("" otherwise). */
const char      *bl_activity_get_group       (BlActivity *self);
void             bl_activity_set_group       (BlActivity *self, const char *group);
const char      *bl_activity_get_topic       (BlActivity *self);
void             bl_activity_set_topic       (BlActivity *self, const char *topic);
gboolean         bl_activity_get_first_topic (BlActivity *self);
void             bl_activity_set_first_topic (BlActivity *self, gboolean first_topic);
const char      *bl_activity_get_content     (BlActivity *self);
void             bl_activity_set_content     (BlActivity *self, const char *content);
const char      *bl_activity_get_resolutions (BlActivity *self);
void             bl_activity_set_resolutions (BlActivity *self, const char *resolutions);
const char      *bl_activity_get_guests      (BlActivity *self);
void             bl_activity_set_guests      (BlActivity *self, const char *guests);
/* Tags, NULL-terminated, never NULL. */
const char * const *bl_activity_get_tags     (BlActivity *self);
void             bl_activity_set_tags        (BlActivity *self, const char * const *tags);
gboolean         bl_activity_has_tag         (BlActivity *self, const char *tag);

/* 应到 / 实到, as the store counted them when it loaded or saved the activity. */
guint            bl_activity_get_expected_count (BlActivity *self);
guint            bl_activity_get_present_count  (BlActivity *self);
void             bl_activity_set_counts      (BlActivity *self, guint expected, guint present);
/* How many files are attached (photos, scans, documents), as the store
 * counted them when it loaded or saved the activity. */
guint            bl_activity_get_attachment_count (BlActivity *self);
void             bl_activity_set_attachment_count (BlActivity *self, guint count);

const char      *bl_activity_status_to_chinese (BlActivityStatus status);
gboolean         bl_activity_status_parse    (const char *text, BlActivityStatus *out);
const char      *bl_activity_status_display  (BlActivityStatus status);
const char      *bl_activity_get_leader      (BlActivity       *self);
/* The hours as people read them: "09:00–11:00", "09:00" when only the
 * start is known, "" when it is not. */
char            *bl_activity_format_hours    (BlActivity       *self);
/* The day in the locale's words, then the hours when they are known:
 * "1 March 2026 09:00–11:00". */
char            *bl_activity_format_when     (BlActivity       *self);

G_END_DECLS
