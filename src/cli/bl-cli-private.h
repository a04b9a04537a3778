/* bl-cli-private.h: what the commands share, for src/cli only */
#pragma once

#include <json-glib/json-glib.h>

#include "bl-cli.h"

G_BEGIN_DECLS

/* What @builder built (its outer value ended), as indented JSON for --json. */
char *bl_cli_json_text (JsonBuilder *builder);

G_END_DECLS
