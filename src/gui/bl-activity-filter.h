/* bl-activity-filter.h: which activities the Activities page shows: words
 * searched for in their text, and their kind, year, month and status */
#pragma once

#include <gtk/gtk.h>

#include "bl-activity.h"

G_BEGIN_DECLS

#define BL_TYPE_ACTIVITY_FILTER (bl_activity_filter_get_type ())
G_DECLARE_FINAL_TYPE (BlActivityFilter, bl_activity_filter, BL, ACTIVITY_FILTER, GtkFilter)

BlActivityFilter *bl_activity_filter_new        (void);
/* Looks for @text (case folded; NULL or blank: everything) in the topic,
 * minutes, host, lecturer and location. Typing on only narrows the list,
 * and the filter models then look again only at the rows shown. */
void              bl_activity_filter_set_search (BlActivityFilter *self,
                                                 const char       *text);
/* @kind: a kind id, NULL for all; @year: 0 for all; @month: 1–12, 0 for
 * all (of @year, or of any year); @status: a BlActivityStatus, -1 for all. */
void              bl_activity_filter_set_fields (BlActivityFilter *self,
                                                 const char       *kind,
                                                 int               year,
                                                 int               month,
                                                 int               status);
const char       *bl_activity_filter_get_kind   (BlActivityFilter *self);
/* Whether anything is searched for or filtered on. */
gboolean          bl_activity_filter_is_active  (BlActivityFilter *self);

G_END_DECLS
