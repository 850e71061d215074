package app

import (
	"context"
	"image"
	"log/slog"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/charts"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/i18n/shape"
	"calltally.app/storage"
)

// The dashboard's key figures, in the order of its card grid.
const (
	dashCardCalls = iota
	dashCardInbound
	dashCardOutbound
	dashCardInternal
	dashCardAnswered
	dashCardUnreturned
	dashCardAverage
	dashCardTalk
	dashCardCost
	dashCardCount
)

var dashCardTitles = [dashCardCount]string{
	"kpi.calls", "kpi.inbound", "kpi.outbound", "kpi.internal", "kpi.answer_rate",
	"kpi.missed_unreturned", "kpi.average_talk", "kpi.total_talk", "kpi.total_cost",
}

// dashCardColumns is how many cards a row of the grid holds.
const dashCardColumns = 5

// dashboardGen numbers dashboards: a dashboard's status ticker stops once
// a newer one is built (after a language change or a reopen).
var dashboardGen atomic.Int64

// dashboardScreen shows a period's key figures and charts, the newest
// calls and the collector's status, kept up to date as calls arrive.
type dashboardScreen struct {
	e       *ui.Env
	period  *ui.PeriodPicker
	cards   [dashCardCount]*ui.Card
	charts  [dashChartCount]*canvas.Image
	recent  *dashRecentList
	status  *dashStatusView
	problem *widget.Label
	inner   *fyne.Container // what content scrolls
	content *container.Scroll

	// Used on the UI goroutine only.
	loads ui.Coalescer
	// cache is used by the refresh under way only: refreshes never overlap.
	cache dashChartCache
}

func newDashboard(e *ui.Env) ui.Screen {
	s := &dashboardScreen{e: e, recent: newDashRecentList(), status: newDashStatusView(), problem: ui.NewProblem()}
	s.period = ui.NewPeriodPicker("period.today", e.Now, func(time.Time, time.Time) { s.Refresh() })
	cards := make([]fyne.CanvasObject, dashCardCount)
	for i, id := range dashCardTitles {
		s.cards[i] = ui.NewCard(i18n.T(id))
		cards[i] = s.cards[i]
	}
	images := make([]fyne.CanvasObject, dashChartCount)
	for i := range s.charts {
		s.charts[i] = newDashChartImage()
		images[i] = s.charts[i]
	}
	s.problem.Hide()
	s.inner = ui.VBox(
		ui.HBox(ui.NewBold(i18n.T("kpi.period")), s.period.Content),
		s.status.box, s.problem,
		ui.Grid(dashCardColumns, cards...),
		ui.Grid(3, images...),
		ui.NewBold(i18n.T("dashboard.recent_calls")), s.recent.box,
	)
	s.content = container.NewVScroll(s.inner)
	go s.tick(dashboardGen.Add(1))
	return s
}

func (s *dashboardScreen) Content() fyne.CanvasObject { return s.content }

// dashRequest is what a refresh asks for, taken on the UI goroutine.
type dashRequest struct {
	filter storage.CallFilter
	opts   charts.Options
	titles [dashChartCount]string
}

// dashResult is what a refresh found.
type dashResult struct {
	board    storage.Dashboard
	recent   []drivers.Call
	images   [dashChartCount]image.Image
	statuses []dashPBXStatus
}

// Refresh reloads the figures, charts, newest calls and status off the
// UI goroutine; one that arrives while another runs is run once after.
func (s *dashboardScreen) Refresh() {
	if !s.loads.Start() {
		return
	}
	req := s.request()
	ui.Run(s.e, func(ctx context.Context) (dashResult, error) {
		return s.load(ctx, req)
	}, func(r dashResult, err error) {
		s.show(r, err)
		if s.loads.Finish() {
			s.Refresh()
		}
	})
}

// RefreshStatus reloads only the collector status: the master database
// changed (a heartbeat), the calls did not.
func (s *dashboardScreen) RefreshStatus() {
	ui.Run(s.e, func(ctx context.Context) ([]dashPBXStatus, error) {
		return dashStatuses(ctx, s.e)
	}, func(statuses []dashPBXStatus, err error) {
		if err != nil {
			slog.Warn("Could not read the collector status", "error", err)
			return
		}
		before := s.inner.MinSize()
		s.status.set(statuses, time.Now())
		if s.inner.MinSize() != before {
			s.content.Refresh()
		}
	})
}

func (s *dashboardScreen) request() dashRequest {
	from, to := s.period.Range()
	req := dashRequest{
		filter: storage.CallFilter{From: from, To: to},
		opts:   dashChartOptions(s.charts[0].Size(), s.e.Window.Canvas().Scale()),
	}
	for i, id := range dashChartTitles {
		req.titles[i] = shape.Visual(i18n.T(id))
	}
	return req
}

// load runs the dashboard's queries and draws its charts. They run one
// after the other on purpose: side by side they would take the cores the
// window needs to stay smooth, for little gain on a two-core office PC.
// On this month of a million-call site the queries take some 70 (Dashboard),
// 100 (TopExtensions) and 45 ms (TopDestinations); the charts ~40 ms.
func (s *dashboardScreen) load(ctx context.Context, req dashRequest) (r dashResult, err error) {
	t := s.e.Tenant
	f := req.filter
	if f.VoicemailMissed, err = s.e.Store.VoicemailMissed(ctx); err != nil {
		return r, err
	}
	var in dashChartInputs
	if in.board, err = t.Dashboard(ctx, f); err != nil {
		return r, err
	}
	if in.extensions, err = t.TopExtensions(ctx, f, dashTopN); err != nil {
		return r, err
	}
	if in.destinations, err = t.TopDestinations(ctx, f, dashTopN); err != nil {
		return r, err
	}
	if r.recent, err = t.Calls(ctx, storage.CallFilter{Limit: dashRecentCount}); err != nil {
		return r, err
	}
	if r.statuses, err = dashStatuses(ctx, s.e); err != nil {
		return r, err
	}
	r.board = in.board
	r.images, err = s.cache.draw(in, req.opts, req.titles)
	return r, err
}

// show puts a refresh's result into the widgets built once, and lays
// them out again only if that changed their sizes (a status line more, an
// error shown).
func (s *dashboardScreen) show(r dashResult, err error) {
	before := s.inner.MinSize()
	s.update(r, err)
	if s.inner.MinSize() != before {
		s.content.Refresh()
	}
	if err == nil && s.chartsMisfit() {
		s.loads.Again() // the first refresh ran before the window was laid out
	}
}

// chartsMisfit reports whether the charts were drawn at another size than
// their slots have now: they would show blurred.
func (s *dashboardScreen) chartsMisfit() bool {
	img := s.charts[0].Image
	if img == nil {
		return false
	}
	o := dashChartOptions(s.charts[0].Size(), s.e.Window.Canvas().Scale())
	return img.Bounds().Dx() != o.Width || img.Bounds().Dy() != o.Height
}

func (s *dashboardScreen) update(r dashResult, err error) {
	if err != nil {
		slog.Error("The dashboard could not be refreshed", "error", err)
		ui.SetText(s.problem, ui.Explain(err, ""))
		s.problem.Show()
		return
	}
	s.problem.Hide()
	values, notes := dashCardTexts(r.board.Summary)
	for i, c := range s.cards {
		c.SetValue(values[i])
		c.SetNote(notes[i])
	}
	for i, img := range s.charts {
		if img.Image != r.images[i] {
			img.Image = r.images[i]
			img.Refresh()
		}
	}
	s.recent.set(r.recent, time.Now())
	s.status.set(r.statuses, time.Now())
}

// dashCardTexts are the cards' values and notes for a summary.
func dashCardTexts(sum storage.Summary) (values, notes [dashCardCount]string) {
	values[dashCardCalls] = i18n.Number(int64(sum.Calls))
	values[dashCardInbound] = i18n.Number(int64(sum.Inbound))
	values[dashCardOutbound] = i18n.Number(int64(sum.Outbound))
	values[dashCardInternal] = i18n.Number(int64(sum.Internal))
	values[dashCardAnswered] = "–"
	if sum.Inbound > 0 {
		values[dashCardAnswered] = i18n.Percent(sum.AnsweredPercent() / 100)
	}
	values[dashCardUnreturned] = i18n.Number(int64(sum.Unreturned))
	notes[dashCardUnreturned] = i18n.T("dashboard.missed_of", "Count", sum.Missed)
	values[dashCardAverage] = i18n.Duration(sum.AverageTalk())
	values[dashCardTalk] = i18n.Duration(sum.Talk)
	values[dashCardCost] = costsText(sum.Cost)
	if sum.Unrated > 0 {
		notes[dashCardCost] = i18n.T("dashboard.unrated", "Count", sum.Unrated)
	}
	return values, notes
}

// tick works the status line out again every dashStatusTick until the
// databases close or a newer dashboard replaces this one.
func (s *dashboardScreen) tick(gen int64) {
	t := time.NewTicker(dashStatusTick)
	defer t.Stop()
	for {
		select {
		case <-s.e.Ctx.Done():
			return
		case <-t.C:
			if dashboardGen.Load() != gen {
				return
			}
			s.e.Do(func() {
				before := s.inner.MinSize()
				s.status.update(time.Now())
				if s.inner.MinSize() != before {
					s.content.Refresh()
				}
			})
		}
	}
}
