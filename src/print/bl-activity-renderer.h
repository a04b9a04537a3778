/* bl-activity-renderer.h: what the printouts of single meetings share (the
 * record, the sign-in sheet): the activities, each from a new page under
 * the branch's name and the printout's title, and the signatures */
#pragma once

#include "bl-print-renderer.h"
#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_ACTIVITY_RENDERER (bl_activity_renderer_get_type ())
G_DECLARE_DERIVABLE_TYPE (BlActivityRenderer, bl_activity_renderer, BL, ACTIVITY_RENDERER, BlPrintRenderer)

struct _BlActivityRendererClass
{
  BlPrintRendererClass parent_class;

  /* Adds the pages of one of the activities to @document. */
  void (*render_activity) (BlActivityRenderer *self,
                           BlPrintDocument    *document,
                           BlActivity         *activity);

  gpointer padding[4];
};

/* For the subclasses' constructors: a renderer of @type for @activities
 * (BlActivity records, printed in this order, each from a new page). */
gpointer    bl_activity_renderer_new             (GType               type,
                                                  BlStore            *store,
                                                  GPtrArray          *activities);
/* The same for the activities with these ids, loaded from @store; NULL
 * with @error when one does not exist. */
gpointer    bl_activity_renderer_new_for_ids     (GType               type,
                                                  BlStore            *store,
                                                  const gint64       *ids,
                                                  guint               n_ids,
                                                  GError            **error);

BlStore    *bl_activity_renderer_get_store       (BlActivityRenderer *self);
guint       bl_activity_renderer_get_n_activities (BlActivityRenderer *self);
/* The name of the activities' kind when there is only one activity (for
 * the job's title), NULL otherwise. */
const char *bl_activity_renderer_get_only_kind_name (BlActivityRenderer *self);

/* Starts @activity's pages: the running header (branch, @title, @day,
 * topic), then the branch's name and @title as headings. */
void        bl_activity_renderer_start_activity  (BlActivityRenderer *self,
                                                  BlPrintDocument    *document,
                                                  BlActivity         *activity,
                                                  const char         *title,
                                                  const char         *day);
/* Begins the table of a meeting's particulars: label, value, label, value,
 * labels @label points wide. */
void        bl_activity_renderer_begin_form      (BlPrintDocument    *document,
                                                  double              label);
/* The lines for the host's and the recorder's signatures. */
void        bl_activity_renderer_add_signatures  (BlPrintDocument    *document);

G_END_DECLS
