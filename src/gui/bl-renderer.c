/* bl-renderer.c: which of GTK's renderers draws the windows.
 *
 * On a PC without a graphics driver (an office PC whose graphics card has
 * none for this system, a virtual machine, a remote desktop), OpenGL is
 * Mesa's software rasteriser, llvmpipe. GTK 4.8 (Debian 12) still draws
 * with it: every new window compiles its shaders on the processor, and
 * every frame is painted through GL emulated there, slower than GTK's own
 * cairo renderer for what this program draws (text, lines, rounded boxes).
 * GTK 4.14 and later no longer use GL on llvmpipe and draw with cairo
 * instead; on an older GTK, this program makes the same choice itself.
 *
 * Where the X server offers no way to a graphics card's GL (no DRI2, DRI3
 * or NVIDIA's GLX), the answer is known without asking GL, on any GTK: the
 * program then draws with cairo and loads no GL at all. GTK otherwise makes
 * a GL context when it opens the display, even to draw with cairo (4.8),
 * or to find that it is llvmpipe (4.18): under Xvfb that was 95 ms of a
 * 380 ms start and 58 MB of memory on GTK 4.8, and the start took 1.5× a
 * bare window's on GTK 4.18. */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#ifdef GDK_WINDOWING_X11
#include <X11/Xlib.h>
#include <epoxy/gl.h>
#include <epoxy/glx.h>
#endif

#include "bl-renderer.h"

/* What GTK 4.14 does not draw with: Mesa's software GL. */
gboolean
bl_renderer_is_software (const char *gl_renderer)
{
  return gl_renderer != NULL && strstr (gl_renderer, "llvmpipe") != NULL;
}

/* Whether an X server with @extensions (their names) may give its clients
 * a graphics card's GL: through DRI2 or DRI3 (Mesa's drivers) or NVIDIA's
 * own GLX. Without them, Mesa's GL on X11 is its software rasteriser. */
gboolean
bl_renderer_may_be_hardware (const char * const *extensions)
{
  static const char * const hardware[] = { "DRI2", "DRI3", "NV-GLX" };

  for (guint i = 0; extensions != NULL && extensions[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (hardware); j++)
      if (g_str_equal (extensions[i], hardware[j]))
        return TRUE;
  return FALSE;
}

/* The variable that turns GL off in GDK: GDK_DISABLE=gl from GTK 4.16 on,
 * GDK_DEBUG=gl-disable before (which 4.16 warns about). */
static const char *
gl_off_variable (void)
{
  return gtk_get_minor_version () >= 16 ? "GDK_DISABLE" : "GDK_DEBUG";
}

/* Whether the program chose cairo for itself, and the person's value of
 * gl_off_variable() before it did. */
static gboolean chose_cairo;
static char *person_gl_off;

#ifdef GDK_WINDOWING_X11
/* The connection that asked, while GTK draws with its GL. */
static Display *kept_display;

/* An X error while asking (a GLX the server refuses) leaves the answer
 * NULL; Xlib's own handler would end the program. */
static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  return 0;
}

/* Whether @display's server may give a graphics card's GL (one round trip). */
static gboolean
server_may_be_hardware (Display *display)
{
  int n = 0;
  char **names = XListExtensions (display, &n);
  g_autoptr(GPtrArray) extensions = g_ptr_array_new ();
  gboolean hardware;

  for (int i = 0; i < n; i++)
    g_ptr_array_add (extensions, names[i]);
  g_ptr_array_add (extensions, NULL);
  hardware = bl_renderer_may_be_hardware ((const char * const *) extensions->pdata);
  if (names != NULL)
    XFreeExtensionList (names);
  return hardware;
}

/* Cairo, and no GL context made when GTK opens the display (GDK reads the
 * variable in gtk_init()), added to the flags the person set. */
static void
use_cairo (void)
{
  const char *variable = gl_off_variable ();
  const char *flag = g_str_equal (variable, "GDK_DISABLE") ? "gl" : "gl-disable";
  const char *person = g_getenv (variable);
  g_autofree char *value = person != NULL && *person != '\0' ? g_strconcat (person, ",", flag, NULL)
                                                             : g_strdup (flag);

  chose_cairo = TRUE;
  person_gl_off = g_strdup (person);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv (variable, value, TRUE);
}

/* GL_RENDERER of the GLX context GTK would draw with on @display, made on
 * a window never shown; NULL without GLX. */
static char *
glx_renderer (Display *display)
{
  int attributes[] = { GLX_RGBA, GLX_DOUBLEBUFFER, GLX_RED_SIZE, 1, GLX_GREEN_SIZE, 1, GLX_BLUE_SIZE, 1, None };
  XVisualInfo *visual = NULL;
  GLXContext context = NULL;
  XSetWindowAttributes window_attributes = { 0 };
  Window window = None;
  char *renderer = NULL;
  int error_base, event_base;
  int (*old_handler) (Display *, XErrorEvent *);

  old_handler = XSetErrorHandler (ignore_x_error);
  if (glXQueryExtension (display, &error_base, &event_base))
    visual = glXChooseVisual (display, DefaultScreen (display), attributes);
  if (visual != NULL)
    context = glXCreateContext (display, visual, NULL, True);
  if (context != NULL)
    {
      window_attributes.colormap = XCreateColormap (display, RootWindow (display, visual->screen),
                                                    visual->visual, AllocNone);
      window = XCreateWindow (display, RootWindow (display, visual->screen), 0, 0, 1, 1, 0,
                              visual->depth, InputOutput, visual->visual, CWColormap, &window_attributes);
      if (glXMakeCurrent (display, window, context))
        {
          renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
          glXMakeCurrent (display, None, NULL);
        }
      XDestroyWindow (display, window);
      XFreeColormap (display, window_attributes.colormap);
      glXDestroyContext (display, context);
    }
  if (visual != NULL)
    XFree (visual);
  XSync (display, False);
  XSetErrorHandler (old_handler);
  return renderer;
}
#endif

/* Sets GSK_RENDERER to cairo, and GL off, where GTK would draw with
 * llvmpipe on X11: on any GTK where the X server offers no card's GL, on
 * GTK older than 4.14 where its GL says so too. Call before GTK opens the
 * display and before any other thread runs (it changes the environment);
 * a GSK_RENDERER the person set is kept. */
void
bl_renderer_choose (void)
{
#ifdef GDK_WINDOWING_X11
  const char *backend = g_getenv ("GDK_BACKEND");
  g_autofree char *renderer = NULL;
  Display *display;

  if (kept_display != NULL || chose_cairo || g_getenv ("GSK_RENDERER") != NULL || gtk_get_major_version () != 4)
    return;
  /* GTK on X11 only (GDK_BACKEND=x11, or no Wayland to prefer): Wayland's
   * GL is not GLX. */
  if (g_getenv ("DISPLAY") == NULL ||
      (backend != NULL ? g_strcmp0 (backend, "x11") != 0 : g_getenv ("WAYLAND_DISPLAY") != NULL))
    return;
  display = XOpenDisplay (NULL);
  if (display == NULL)
    return;
  if (!server_may_be_hardware (display))
    {
      use_cairo ();
      XCloseDisplay (display);
      return;
    }
  /* A card's GL, or llvmpipe behind DRI: GTK 4.14 and later tell. */
  if (gtk_get_minor_version () >= 14)
    {
      XCloseDisplay (display);
      return;
    }
  renderer = glx_renderer (display);
  if (bl_renderer_is_software (renderer))
    {
      use_cairo ();
      /* Mesa's driver goes with the connection: nothing draws with it. */
      XCloseDisplay (display);
    }
  else
    {
      /* GTK draws with this GL: the connection is kept, and with it the
       * driver GLX loaded for it, which GTK's own connection would
       * otherwise load again (with llvmpipe standing in for a card's
       * driver, the start took 1.43–1.47× a bare window's kept, 1.54×
       * closed). */
      kept_display = display;
    }
#endif
}

/* Leaves out of @context what the program set for itself: a program it
 * starts (an attachment's viewer) makes its own choice, in the environment
 * the person gave. */
void
bl_renderer_clear_for_launch (GAppLaunchContext *context)
{
  g_return_if_fail (G_IS_APP_LAUNCH_CONTEXT (context));

  if (!chose_cairo)
    return;
  g_app_launch_context_unsetenv (context, "GSK_RENDERER");
  if (person_gl_off != NULL)
    g_app_launch_context_setenv (context, gl_off_variable (), person_gl_off);
  else
    g_app_launch_context_unsetenv (context, gl_off_variable ());
}
