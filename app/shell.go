package app

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// shell is the window's frame: the navigation at the start side, the
// current screen beside it, and the databases they all read. Screens are
// built when first shown and built again after a language change.
type shell struct {
	win  fyne.Window
	opts Options
	do   func(func())

	env     *ui.Env
	cancel  context.CancelFunc
	screens map[string]ui.Screen
	current string
	nav     *widget.List
	navIDs  []string
	body    *fyne.Container
}

func newShell(w fyne.Window, o Options, do func(func())) *shell {
	sh := &shell{win: w, opts: o, do: do}
	i18n.OnChange(sh.rebuild)
	return sh
}

// open (re)opens the databases in dir; the screens are rebuilt over them.
func (sh *shell) open(dir string) error {
	ctx, cancel := context.WithCancel(context.Background())
	st, t, err := openTenant(ctx, dir, sh.opts.Slug)
	if err != nil {
		cancel()
		return err
	}
	sh.close()
	sh.cancel = cancel
	sh.env = &ui.Env{Ctx: ctx, Store: st, Tenant: t, Slug: sh.opts.Slug, Dir: dir, Window: sh.win,
		Do: sh.do, Navigate: sh.show, Reopen: sh.reopen, OpenDemo: sh.opts.OpenDemo}
	applySettings(ctx, sh.env)
	sh.follow(ctx)
	sh.rebuild()
	return nil
}

func (sh *shell) reopen(dir string) error {
	current := sh.current
	if err := sh.open(dir); err != nil {
		return err
	}
	sh.show(current)
	return nil
}

func (sh *shell) close() {
	if sh.cancel == nil {
		return
	}
	sh.cancel()
	sh.env.Store.Close()
	sh.cancel = nil
}

// first is the page to start on: the first-run screen while there is
// nothing to show.
func (sh *shell) first() string {
	if sh.opts.Start != "" {
		return sh.opts.Start
	}
	ctx := sh.env.Ctx
	n, err := sh.env.Tenant.CountCalls(ctx, storage.CallFilter{Limit: 1})
	systems, err2 := sh.env.Store.PBXSystems(ctx, sh.env.Slug)
	if err == nil && err2 == nil && n == 0 && len(systems) == 0 {
		return "welcome"
	}
	return "dashboard"
}

// rebuild drops every screen and builds the frame again in the current
// language and direction.
func (sh *shell) rebuild() {
	if sh.cancel == nil {
		return // closed: the language listener outlives the shell
	}
	// Setting the theme again drops Fyne's cached text measurements, which
	// were made with the previous language's font (Noto Sans Arabic or
	// Noto Sans): without it Arabic labels are measured too narrow.
	ui.ApplyTheme(ui.CurrentTheme().Mode)
	sh.screens = map[string]ui.Screen{}
	sh.win.SetTitle(i18n.T("app.name"))
	sh.navIDs = sh.navIDs[:0]
	for _, p := range pages {
		if p.icon != "" {
			sh.navIDs = append(sh.navIDs, p.id)
		}
	}
	var nav fyne.CanvasObject
	sh.nav, nav = newNav(sh.navIDs, func(id string) {
		if id != sh.current { // not the Select that show itself makes
			sh.show(id)
		}
	})
	sh.body = container.NewStack()
	sh.win.SetContent(ui.Border(nil, nil, nav, nil, sh.body))
	if sh.current != "" {
		sh.show(sh.current)
	}
}

// show makes page id the current screen and refreshes it.
func (sh *shell) show(id string) {
	p, ok := pageByID(id)
	if !ok {
		slog.Error("No such screen", "id", id)
		return
	}
	s, built := sh.screens[id]
	if !built {
		s = p.build(sh.env)
		sh.screens[id] = s
	}
	sh.current = id
	sh.body.Objects = []fyne.CanvasObject{s.Content()}
	sh.body.Refresh()
	sh.selectNav(id)
	s.Refresh()
}

func (sh *shell) selectNav(id string) {
	for i, n := range sh.navIDs {
		if n == id {
			sh.nav.Select(i)
			return
		}
	}
	sh.nav.UnselectAll()
}

// follow refreshes the current screen whenever either database changes:
// new calls from the collector, its heartbeat, another window's edits.
func (sh *shell) follow(ctx context.Context) {
	tenant, err := sh.env.Tenant.Watch(ctx, watchInterval)
	if err != nil {
		slog.Warn("New calls will not show until the app is reopened", "error", err)
		return
	}
	master, err := sh.env.Store.Watch(ctx, watchInterval)
	if err != nil {
		slog.Warn("The collector's status will not update until the app is reopened", "error", err)
		return
	}
	go func() {
		for {
			calls := true
			select {
			case _, ok := <-tenant:
				if !ok {
					return
				}
			case _, ok := <-master:
				if !ok {
					return
				}
				calls = false
			}
			sh.do(func() { sh.refreshCurrent(ctx, calls) })
		}
	}()
}

// refreshCurrent refreshes the screen in view; calls says whether the
// tenant database (calls, directory) changed, not only the master one.
func (sh *shell) refreshCurrent(ctx context.Context, calls bool) {
	if ctx.Err() != nil {
		return // the databases were reopened since
	}
	s, ok := sh.screens[sh.current]
	if !ok {
		return
	}
	if st, ok := s.(ui.StatusScreen); ok && !calls {
		st.RefreshStatus()
		return
	}
	s.Refresh()
}
