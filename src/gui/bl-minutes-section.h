/* bl-minutes-section.h: the record editor's minutes (会议记录) and resolutions */
#pragma once

#include "bl-activity.h"
#include "bl-editor-section.h"

G_BEGIN_DECLS

#define BL_TYPE_MINUTES_SECTION (bl_minutes_section_get_type ())
G_DECLARE_FINAL_TYPE (BlMinutesSection, bl_minutes_section, BL, MINUTES_SECTION, BlEditorSection)

/* Fills the texts from @activity (nothing counts as changed). */
void bl_minutes_section_load  (BlMinutesSection *self,
                               BlActivity       *activity);
/* Writes the texts into @activity, exactly as typed. */
void bl_minutes_section_apply (BlMinutesSection *self,
                               BlActivity       *activity);

G_END_DECLS
