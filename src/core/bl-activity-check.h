/* bl-activity-check.h: the one validation of an activity record, field by
 * field: the store's save refuses on its errors, the record editor shows
 * every problem beside its field, the CSV import reports each as FILE:LINE */
#pragma once

#include <gio/gio.h>

#include "bl-store.h"

G_BEGIN_DECLS

typedef enum {
  BL_ACTIVITY_FIELD_KIND,
  BL_ACTIVITY_FIELD_DATE,
  BL_ACTIVITY_FIELD_START,
  BL_ACTIVITY_FIELD_END,
  BL_ACTIVITY_FIELD_GROUP,
  BL_ACTIVITY_FIELD_TOPIC,
  BL_ACTIVITY_FIELD_ATTENDANCE,  /* one member's entry: BlProblem.member_id */
  BL_ACTIVITY_FIELD_RECORD,      /* the record as a whole (the same one twice) */
} BlActivityField;

typedef enum {
  /* Against a rule: nobody saves the record so (store, editor, import). */
  BL_PROBLEM_ERROR,
  /* Something a person should still fill in (a leave without its reason,
   * an end time without a start): the record editor asks before saving; a
   * record that comes so from a file or from code is kept as it is. */
  BL_PROBLEM_INCOMPLETE,
  /* A likely slip, said but not refused: an activity equal in kind, date,
   * start and topic is already in the ledger (the import skips it). */
  BL_PROBLEM_WARNING,
} BlProblemSeverity;

typedef struct {
  BlActivityField    field;
  BlProblemSeverity  severity;
  char              *message;    /* a sentence in the user's language */
  gint64             member_id;  /* BL_ACTIVITY_FIELD_ATTENDANCE: whose entry; else 0 */
} BlProblem;

void       bl_problem_free            (BlProblem   *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlProblem, bl_problem_free)

/* Every problem of @activity as it stands (call bl_activity_normalize()
 * first: the store does), with @attendance (BlAttendee; NULL: not looked
 * at), in the order of the fields above: a new array of BlProblem*, empty
 * when all is well. "Today" is the store's clock's. */
GPtrArray *bl_activity_check          (BlStore     *store,
                                       BlActivity  *activity,
                                       GListModel  *attendance);
/* The same without attendance and without looking for the same activity in
 * the ledger (a warning, which no save refuses; an import finds those by
 * their keys): what a save and an import need, one query less each. */
GPtrArray *bl_activity_check_fields   (BlStore     *store,
                                       BlActivity  *activity);
/* The first problem of @severity in @problems, or NULL (borrowed). */
BlProblem *bl_problems_find           (GPtrArray   *problems,
                                       BlProblemSeverity severity);
/* FALSE with @error (BL_STORE_ERROR_INVALID, the message of the first error)
 * when @problems hold an error; TRUE otherwise. */
gboolean   bl_problems_to_error       (GPtrArray   *problems,
                                       GError     **error);

G_END_DECLS
