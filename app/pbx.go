package app

import (
	"context"
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// recentRecords is how many raw records the live view shows.
const recentRecords = 20

// ageTick moves the "last report … ago" figures while nothing changes in
// the database (a stopped collector writes nothing).
const ageTick = 5 * time.Second

// startAddingPBX makes the PBX screen open its add form the next time it
// is shown: the first-run screen's "Add my PBX" sets it.
var startAddingPBX bool

// pbxData is what one refresh of the PBX screen reads.
type pbxData struct {
	systems []storage.PBXSystem
	status  map[int64]storage.ServiceStatus // by master PBX ID; absent: never reported
	recent  []storage.StoredRecord          // of the selected PBX, newest first
}

// pbxScreen lists the tenant's PBX systems with the collector's status of
// each, and shows the selected one's details, its latest raw records, and
// the forms to add, edit and test a connection.
type pbxScreen struct {
	e       *ui.Env
	now     func() time.Time
	content fyne.CanvasObject

	list     *widget.List
	detail   *fyne.Container // the selected PBX's view, or the form
	empty    *widget.Label
	info     *pbxInfo
	form     *pbxForm // nil unless the form is open
	data     pbxData
	selected string // name of the selected PBX

	loads   ui.Coalescer
	ticking bool
}

func newPBX(e *ui.Env) ui.Screen {
	s := &pbxScreen{e: e, now: time.Now}
	s.empty = ui.NewParagraph(i18n.T("pbx.none"))
	s.info = newPBXInfo(s)
	s.list = widget.NewList(func() int { return len(s.data.systems) }, newPBXRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.choose(s.data.systems[id].Name) }
	add := ui.NewButtonWithIcon(i18n.T("button.add"), theme.ContentAddIcon(), func() { s.openForm(nil) })
	add.Importance = widget.HighImportance
	s.detail = container.NewStack(s.empty)
	start := ui.Border(ui.HBox(ui.NewBold(i18n.T("nav.pbx")), add), nil, nil, nil, s.list)
	s.content = ui.Split(start, s.detail, 0.3)
	return s
}

func (s *pbxScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reloads the systems, their status and the selected one's
// records; a refresh asked for while one runs runs once after it.
func (s *pbxScreen) Refresh() {
	if startAddingPBX {
		startAddingPBX = false
		s.openForm(nil)
	}
	s.tick()
	if !s.loads.Start() {
		return
	}
	selected := s.selected
	ui.Run(s.e, func(ctx context.Context) (pbxData, error) {
		return loadPBX(ctx, s.e, selected)
	}, s.loaded)
}

func (s *pbxScreen) loaded(d pbxData, err error) {
	if s.loads.Finish() {
		s.Refresh()
	}
	if err != nil {
		ui.ShowError(s.e, err, "")
		return
	}
	s.data = d
	s.list.Refresh()
	s.show()
}

// loadPBX reads the systems of the tenant, the heartbeat of each, and the
// latest records of the one called selected.
func loadPBX(ctx context.Context, e *ui.Env, selected string) (pbxData, error) {
	systems, err := e.Store.PBXSystems(ctx, e.Slug)
	if err != nil && !errors.Is(err, storage.ErrSecretUnreadable) {
		return pbxData{}, err
	}
	d := pbxData{systems: systems, status: map[int64]storage.ServiceStatus{}}
	for _, p := range systems {
		st, err := e.Store.Status(ctx, p.ID)
		if err == nil {
			d.status[p.ID] = st
		} else if !errors.Is(err, storage.ErrNotFound) {
			return d, err
		}
	}
	if selected == "" {
		return d, nil
	}
	id, err := e.Tenant.PBXID(ctx, selected)
	if errors.Is(err, storage.ErrNotFound) {
		return d, nil // nothing read from it yet
	} else if err != nil {
		return d, err
	}
	d.recent, err = e.Tenant.RecentRecords(ctx, id, recentRecords)
	return d, err
}

// choose selects the PBX called name and loads its records.
func (s *pbxScreen) choose(name string) {
	if name == s.selected && s.form == nil {
		return
	}
	s.selected = name
	s.closeForm()
	s.info.testResult.SetText("")
	s.Refresh()
}

// system returns the selected PBX and its status.
func (s *pbxScreen) system() (storage.PBXSystem, storage.ServiceStatus, bool, bool) {
	for _, p := range s.data.systems {
		if p.Name == s.selected {
			st, reported := s.data.status[p.ID]
			return p, st, reported, true
		}
	}
	return storage.PBXSystem{}, storage.ServiceStatus{}, false, false
}

// show puts the selected PBX's view (or the hint) in the detail pane,
// unless the form is open.
func (s *pbxScreen) show() {
	if s.form != nil {
		return
	}
	i := slices.IndexFunc(s.data.systems, func(p storage.PBXSystem) bool { return p.Name == s.selected })
	p, st, reported, ok := s.system()
	if !ok {
		s.selected = ""
		s.list.UnselectAll()
		s.setDetail(s.empty)
		return
	}
	s.list.Select(i) // after a save or a reload; no-op when already selected
	s.info.update(p, st, reported, s.data.recent, s.now())
	s.setDetail(s.info.content)
}

func (s *pbxScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

func newPBXRow() fyne.CanvasObject {
	return ui.VBox(ui.NewBold(""), ui.NewLabel(""))
}

func (s *pbxScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.data.systems) {
		return
	}
	p := s.data.systems[id]
	box := o.(*fyne.Container)
	ui.SetText(box.Objects[0].(*widget.Label), p.Name)
	st, reported := s.data.status[p.ID]
	text, imp := pbxState(p, st, reported, s.now())
	line := box.Objects[1].(*widget.Label)
	line.Importance = imp
	ui.SetText(line, text)
}

// tick keeps the ages on screen moving every ageTick while the screen is
// in the window; it stops once the screen is gone (another page, or
// rebuilt in a new language) and starts again with the next Refresh.
func (s *pbxScreen) tick() {
	if s.ticking {
		return
	}
	s.ticking = true
	go func() {
		t := time.NewTicker(ageTick)
		defer t.Stop()
		stop := make(chan struct{})
		for {
			select {
			case <-s.e.Ctx.Done():
				return
			case <-stop:
				return
			case <-t.C:
				s.e.Do(func() { s.onTick(stop) })
			}
		}
	}()
}

func (s *pbxScreen) onTick(stop chan struct{}) {
	if !s.ticking {
		return
	}
	if !inWindow(s.e.Window.Canvas().Content(), s.content) {
		s.ticking = false
		close(stop)
		return
	}
	s.list.Refresh()
	s.show()
}

// inWindow reports whether o is root or inside it, looking through
// containers (screens sit in the shell's containers, not in widgets).
func inWindow(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	if c, ok := root.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if inWindow(child, o) {
				return true
			}
		}
	}
	return false
}
