/* test-renderer.c: the program draws with GTK's cairo renderer where an
 * older GTK would draw with Mesa's software GL (bl-renderer.c), and keeps a
 * renderer the person chose */
#include "config.h"

#include <gtk/gtk.h>

#include "bl-renderer.h"

static void
test_software_names (void)
{
  g_assert_true (bl_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (bl_renderer_is_software ("llvmpipe (LLVM 19.1.7, 256 bits)"));
  g_assert_false (bl_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (bl_renderer_is_software ("AMD Radeon Vega 8 Graphics (radeonsi, raven, LLVM 15.0.6, DRM 3.49)"));
  g_assert_false (bl_renderer_is_software (""));
  g_assert_false (bl_renderer_is_software (NULL));
}

/* The suite's display is Xvfb, whose GL is Mesa's llvmpipe: before GTK
 * 4.14 the program asks for cairo; from 4.14 on GTK makes that choice
 * itself and the program leaves it alone. */
static void
test_choose_on_xvfb (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("asking GL loads and unloads Mesa, which LeakSanitizer cannot follow");
  return;
#endif
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("no X display");
      return;
    }
  g_unsetenv ("GSK_RENDERER");
  bl_renderer_choose ();
  if (gtk_get_minor_version () < 14)
    g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  else
    g_assert_null (g_getenv ("GSK_RENDERER"));
}

static void
test_person_chose (void)
{
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  bl_renderer_choose ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
}

int
main (int   argc,
      char *argv[])
{
  /* The suite's environment asks for cairo and no GL: this test asks GL
   * itself, before any other thread runs. */
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("GDK_DISABLE");
  g_unsetenv ("GDK_BACKEND");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-names", test_software_names);
  g_test_add_func ("/renderer/choose-on-xvfb", test_choose_on_xvfb);
  g_test_add_func ("/renderer/person-chose", test_person_chose);

  return g_test_run ();
}
