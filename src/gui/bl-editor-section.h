/* bl-editor-section.h: what the record editor's sections (details,
 * attendance, minutes, attachments) share: the "changed" signal, and a
 * layout that measures and lays out the section's child only while the
 * editor's view stack shows it */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BL_TYPE_EDITOR_SECTION (bl_editor_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (BlEditorSection, bl_editor_section, BL, EDITOR_SECTION, AdwBin)

struct _BlEditorSectionClass
{
  AdwBinClass parent_class;

  gpointer    padding[4];
};

/* Emits "changed": the person changed what the section shows (not emitted
 * for what is set in code). */
void bl_editor_section_changed (BlEditorSection *self);

G_END_DECLS
