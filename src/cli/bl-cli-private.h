/* bl-cli-private.h: what the commands share, for src/cli only */
#pragma once

#include <json-glib/json-glib.h>

#include "bl-cli.h"

G_BEGIN_DECLS

/* What @builder built (its outer value ended), as indented JSON for --json. */
char *bl_cli_json_text         (JsonBuilder  *builder);
/* A member of the object @builder is building: a string; a string, or null
 * when @value is NULL; a number; a truth value. */
void  bl_cli_json_add_string   (JsonBuilder  *builder,
                                const char   *member,
                                const char   *value);
void  bl_cli_json_add_nullable (JsonBuilder  *builder,
                                const char   *member,
                                const char   *value);
void  bl_cli_json_add_int      (JsonBuilder  *builder,
                                const char   *member,
                                gint64        value);
void  bl_cli_json_add_boolean  (JsonBuilder  *builder,
                                const char   *member,
                                gboolean      value);
/* A command's last words: @error's message on a line of its own on stderr,
 * giving BL_EXIT_BAD_INPUT; or the message of @format on a line of its own
 * on stdout, giving BL_EXIT_OK. For "return bl_cli_…". */
int   bl_cli_bad_input         (const GError *error);
int   bl_cli_done              (const char   *format,
                                ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
