/* test-renderer.c: the program draws with GTK's cairo renderer, and loads
 * no GL, where GTK would draw with Mesa's software GL (bl-renderer.c), and
 * keeps a renderer the person chose */
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

/* Which X servers may give a graphics card's GL: those with Mesa's DRI2 or
 * DRI3, or NVIDIA's GLX. Xvfb's own list has none of them. */
static void
test_hardware_servers (void)
{
  const char *xvfb[] = { "BIG-REQUESTS", "Composite", "DAMAGE", "GLX", "MIT-SHM", "Present", "RANDR",
                         "RENDER", "SHAPE", "SYNC", "XFIXES", "XInputExtension", "XKEYBOARD", NULL };
  const char *intel[] = { "Composite", "DRI2", "DRI3", "GLX", "Present", "RENDER", NULL };
  const char *dri2_only[] = { "GLX", "DRI2", NULL };
  const char *nvidia[] = { "GLX", "NV-CONTROL", "NV-GLX", "RENDER", NULL };
  const char *none[] = { NULL };

  g_assert_false (bl_renderer_may_be_hardware (xvfb));
  g_assert_true (bl_renderer_may_be_hardware (intel));
  g_assert_true (bl_renderer_may_be_hardware (dri2_only));
  g_assert_true (bl_renderer_may_be_hardware (nvidia));
  g_assert_false (bl_renderer_may_be_hardware (none));
  g_assert_false (bl_renderer_may_be_hardware (NULL));
}

/* The suite's display is Xvfb, which offers no graphics card's GL: the
 * program asks for cairo and no GL context at all, adding to the flags the
 * person set (GDK_DEBUG=gl-disable before GTK 4.16, GDK_DISABLE=gl from
 * 4.16 on); a program it starts gets the environment as the person gave
 * it. */
static void
test_choose_on_xvfb (void)
{
  gboolean disable = gtk_get_minor_version () >= 16;
  const char *variable = disable ? "GDK_DISABLE" : "GDK_DEBUG";
  const char *person = disable ? "vulkan" : "interactive";
  g_autoptr(GAppLaunchContext) launch = g_app_launch_context_new ();
  g_auto(GStrv) child = NULL;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("no X display");
      return;
    }
  g_unsetenv ("GSK_RENDERER");
  g_setenv (variable, person, TRUE);
  bl_renderer_choose ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv (variable), ==, disable ? "vulkan,gl" : "interactive,gl-disable");
  bl_renderer_clear_for_launch (launch);
  child = g_app_launch_context_get_environment (launch);
  g_assert_null (g_environ_getenv (child, "GSK_RENDERER"));
  g_assert_cmpstr (g_environ_getenv (child, variable), ==, person);
  g_unsetenv (variable);
  g_unsetenv ("GSK_RENDERER");
}

static void
test_person_chose (void)
{
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  bl_renderer_choose ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_null (g_getenv ("GDK_DISABLE"));
  g_unsetenv ("GSK_RENDERER");
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
  g_test_add_func ("/renderer/hardware-servers", test_hardware_servers);
  /* The person's choice first: the program chooses once. */
  g_test_add_func ("/renderer/person-chose", test_person_chose);
  g_test_add_func ("/renderer/choose-on-xvfb", test_choose_on_xvfb);

  return g_test_run ();
}
