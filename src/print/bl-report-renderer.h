/* bl-report-renderer.h: the monthly summary (月度汇总) on paper */
#pragma once

#include "bl-print-renderer.h"
#include "bl-report.h"

G_BEGIN_DECLS

#define BL_TYPE_REPORT_RENDERER (bl_report_renderer_get_type ())
G_DECLARE_FINAL_TYPE (BlReportRenderer, bl_report_renderer, BL, REPORT_RENDERER, BlPrintRenderer)

/* Takes @report over. */
BlReportRenderer *bl_report_renderer_new        (BlReport         *report);
BlReport         *bl_report_renderer_get_report (BlReportRenderer *self);
/* "2025年11月 组织生活月度汇总" / "Organisational Life Monthly Summary, November 2025". */
char             *bl_report_renderer_format_title (BlReport       *report);

G_END_DECLS
