/* bl-details-section.h: the record editor's details: kind, status, date,
 * times, location, party group, topic, first-topic flag, tags, and the
 * people (host, recorder, lecturer, guests) */
#pragma once

#include "bl-activity-check.h"
#include "bl-editor-section.h"
#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_DETAILS_SECTION (bl_details_section_get_type ())
G_DECLARE_FINAL_TYPE (BlDetailsSection, bl_details_section, BL, DETAILS_SECTION, BlEditorSection)

/* Fills the fields from @activity (nothing counts as changed). */
void        bl_details_section_load           (BlDetailsSection *self,
                                               BlStore          *store,
                                               BlActivity       *activity);
/* Writes the fields into @activity (as typed: the store normalises). */
void        bl_details_section_apply          (BlDetailsSection *self,
                                               BlActivity       *activity);
/* A kind id. */
const char *bl_details_section_get_kind       (BlDetailsSection *self);
/* The party group, for a group meeting only ("" otherwise). */
const char *bl_details_section_get_group      (BlDetailsSection *self);
/* "YYYY-MM-DD", or NULL when no date is chosen. */
const char *bl_details_section_get_date       (BlDetailsSection *self);
gboolean    bl_details_section_get_held       (BlDetailsSection *self);
/* Marks the activity held, as choosing "Held" does (a change by the person). */
void        bl_details_section_mark_held      (BlDetailsSection *self);
/* Shows the problems among @problems (BlProblem*) that are about these
 * fields beside them; a topic not written yet is pointed at only once the
 * person began it or @show_all. Returns whether any was shown. */
gboolean    bl_details_section_show_problems  (BlDetailsSection *self,
                                               GPtrArray        *problems,
                                               gboolean          show_all);
/* The widget a problem of @field is about (to focus it). */
GtkWidget  *bl_details_section_get_field_widget (BlDetailsSection *self,
                                               BlActivityField   field);

G_END_DECLS
