/* bl-renderer.c: which of GTK's renderers draws the windows.
 *
 * On a PC without a graphics driver (an office PC whose graphics card has
 * none for this system, a virtual machine, a remote desktop), OpenGL is
 * Mesa's software rasteriser, llvmpipe. GTK 4.8 (Debian 12) still draws
 * with it: every new window compiles its shaders on the processor, and
 * every frame is painted through GL emulated there, slower than GTK's own
 * cairo renderer for what this program draws (text, lines, rounded boxes).
 * GTK 4.14 and later no longer use GL on llvmpipe and draw with cairo
 * instead; on an older GTK, this program makes the same choice itself. */
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

/* Sets GSK_RENDERER to cairo where GTK is older than 4.14 and would draw
 * with llvmpipe on X11. Call before GTK opens the display and before any
 * other thread runs (it changes the environment); a GSK_RENDERER the
 * person set is kept. */
void
bl_renderer_choose (void)
{
#ifdef GDK_WINDOWING_X11
  const char *backend = g_getenv ("GDK_BACKEND");
  g_autofree char *renderer = NULL;
  Display *display;

  if (kept_display != NULL || g_getenv ("GSK_RENDERER") != NULL || gtk_get_major_version () != 4 ||
      gtk_get_minor_version () >= 14)
    return;
  /* GTK on X11 only (GDK_BACKEND=x11, or no Wayland to prefer): Wayland's
   * GL is not GLX. */
  if (g_getenv ("DISPLAY") == NULL ||
      (backend != NULL ? g_strcmp0 (backend, "x11") != 0 : g_getenv ("WAYLAND_DISPLAY") != NULL))
    return;
  display = XOpenDisplay (NULL);
  if (display == NULL)
    return;
  renderer = glx_renderer (display);
  if (bl_renderer_is_software (renderer))
    {
      g_setenv ("GSK_RENDERER", "cairo", FALSE);
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
