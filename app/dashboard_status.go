package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// dashStatusTick is how often the status line is worked out again without a
// database change: a stopped collector changes nothing, and only the
// heartbeat's age tells.
const dashStatusTick = 15 * time.Second

// dashPBXStatus is one enabled PBX and its collector heartbeat.
type dashPBXStatus struct {
	name   string
	status storage.ServiceStatus
	known  bool // the collector has reported on it
}

// dashStatuses reads the heartbeat of each enabled PBX of the tenant.
func dashStatuses(ctx context.Context, e *ui.Env) ([]dashPBXStatus, error) {
	systems, err := e.Store.PBXSystems(ctx, e.Slug)
	if err != nil && !errors.Is(err, storage.ErrSecretUnreadable) {
		return nil, fmt.Errorf("dashboard: pbx systems: %w", err)
	}
	var out []dashPBXStatus
	for _, p := range systems {
		if !p.Enabled {
			continue
		}
		st, err := e.Store.Status(ctx, p.ID)
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return nil, fmt.Errorf("dashboard: status of %s: %w", p.Name, err)
		}
		out = append(out, dashPBXStatus{name: p.Name, status: st, known: err == nil})
	}
	return out, nil
}

// dashStatusLine is what the dashboard says of one PBX at now, and whether it
// is a problem.
func dashStatusLine(p dashPBXStatus, now time.Time) (text string, problem bool) {
	st := p.status
	switch {
	case !p.known:
		return i18n.T("dashboard.status_unknown", "Value", p.name), true
	case st.Stale(now):
		return i18n.T("dashboard.status_stopped", "Value", p.name, "Duration", dashAgo(now.Sub(st.Updated))), true
	case st.State == "error":
		return i18n.T("dashboard.status_error", "Value", p.name, "Detail", st.LastError), true
	case st.LastRecord.IsZero():
		return i18n.T("dashboard.status_no_record", "Value", p.name), false
	}
	return i18n.T("dashboard.status_connected", "Value", p.name, "Duration", dashAgo(now.Sub(st.LastRecord))), false
}

// dashAgo says how long dashAgo something happened: "just now", "5 minutes dashAgo".
func dashAgo(d time.Duration) string {
	switch {
	case d < time.Minute:
		return i18n.T("dashboard.just_now")
	case d < time.Hour:
		return i18n.T("dashboard.ago_minutes", "Count", int(d/time.Minute))
	case d < 48*time.Hour:
		return i18n.T("dashboard.ago_hours", "Count", int(d/time.Hour))
	}
	return i18n.T("dashboard.ago_days", "Count", int(d/(24*time.Hour)))
}

// dashStatusView is the dashboard's collector status: a line per PBX and,
// when heartbeats stopped, what to do about it.
type dashStatusView struct {
	box      *fyne.Container
	stopped  *widget.Label
	lines    []*widget.Label
	statuses []dashPBXStatus
}

func newDashStatusView() *dashStatusView {
	v := &dashStatusView{stopped: ui.NewProblem()}
	v.stopped.Hide()
	v.box = ui.VBox(v.stopped)
	return v
}

// set shows statuses, as of now.
func (v *dashStatusView) set(statuses []dashPBXStatus, now time.Time) {
	v.statuses = statuses
	v.update(now)
}

// update works the lines out again at now, reusing their labels.
func (v *dashStatusView) update(now time.Time) {
	texts, problems, stale := v.texts(now)
	for len(v.lines) < len(texts) {
		l := ui.NewParagraph("")
		v.lines = append(v.lines, l)
		v.box.Add(l)
	}
	for i, l := range v.lines {
		if i >= len(texts) {
			l.Hide()
			continue
		}
		switch {
		case problems[i]:
			l.Importance = widget.DangerImportance
		case len(v.statuses) == 0: // no PBX: nothing good or bad to say
			l.Importance = widget.MediumImportance
		default:
			l.Importance = widget.SuccessImportance
		}
		ui.SetText(l, texts[i])
		l.Show()
	}
	ui.SetText(v.stopped, i18n.T("error.collector_stopped"))
	v.stopped.Hidden = !stale
	v.box.Refresh()
}

// texts are the status lines at now; stale reports a stopped collector.
func (v *dashStatusView) texts(now time.Time) (texts []string, problems []bool, stale bool) {
	if len(v.statuses) == 0 {
		return []string{i18n.T("dashboard.no_pbx")}, []bool{false}, false
	}
	for _, p := range v.statuses {
		text, problem := dashStatusLine(p, now)
		texts, problems = append(texts, text), append(problems, problem)
		stale = stale || (p.known && p.status.Stale(now))
	}
	return texts, problems, stale
}
