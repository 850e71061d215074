package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/collector"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// Test connection reads at most probeRecords records, for at most
// probeTimeout: a PBX sends a record only when a call ends.
const (
	probeRecords = 5
	probeTimeout = 20 * time.Second
)

// testConnection runs the same probe as `calltally pbx test` on p and
// shows what arrived, or why nothing did, under the buttons.
func (s *pbxScreen) testConnection(p storage.PBXSystem) {
	out := s.info.testResult
	if s.form != nil {
		out = s.form.result
	}
	out.SetText("")
	started := time.Now()
	var got []collector.ProbeRecord
	ui.Task(s.e, i18n.T("pbx.testing"), func(ctx context.Context, progress ui.Progress) error {
		ctx, cancel := context.WithTimeout(ctx, probeTimeout)
		defer cancel()
		probe := collector.Probe{Max: probeRecords, Record: func(r collector.ProbeRecord) {
			progress(int64(r.N), probeRecords)
		}}
		var err error
		got, err = probe.Run(ctx, p)
		return err
	}, func(err error) {
		switch {
		case ui.Cancelled(err):
			return
		case err != nil:
			out.Importance = widget.DangerImportance
			ui.SetText(out, probeProblem(err, p, started))
		default:
			out.Importance = widget.SuccessImportance
			out.SetText(probeReport(got)) // raw records: no bidi reordering
		}
	})
}

// probeProblem says in the user's words why a test found no record.
func probeProblem(err error, p storage.PBXSystem, started time.Time) string {
	kinds := []struct {
		kind error
		text func() string
	}{
		{collector.ErrProbeUnreachable, func() string { return i18n.T("error.pbx_unreachable", "Address", p.Address) }},
		{collector.ErrProbeListen, func() string { return i18n.T("pbx.test_listen", "Address", p.Address) }},
		{collector.ErrProbeNoPeer, func() string { return i18n.T("pbx.test_no_peer", "Address", p.Address) }},
		{collector.ErrProbeNoRecords, func() string { return i18n.T("error.no_records", "Time", started) }},
		{collector.ErrProbeEnded, func() string { return i18n.T("pbx.test_ended") }},
		{collector.ErrProbeFolder, func() string { return i18n.T("pbx.test_folder", "Path", p.Address) }},
		{collector.ErrProbeNoFiles, func() string { return i18n.T("pbx.test_no_files", "Path", p.Address) }},
		{collector.ErrProbeTransport, func() string { return i18n.T("pbx.test_transport") }},
	}
	for _, k := range kinds {
		if errors.Is(err, k.kind) {
			return k.text()
		}
	}
	return ui.Explain(err, "")
}

// probeReport lists the records a test read and what each became.
func probeReport(got []collector.ProbeRecord) string {
	var b strings.Builder
	b.WriteString(i18n.T("pbx.test_ok"))
	for _, r := range got {
		fmt.Fprintf(&b, "\n%d. %s", r.N, r.Text)
		switch {
		case r.Err != nil:
			b.WriteString("\n   " + i18n.T("pbx.parse_error", "Detail", r.Err.Error()))
		case len(r.Calls) == 0:
			b.WriteString("\n   " + i18n.T("pbx.parse_pending"))
		}
		for _, c := range r.Calls {
			b.WriteString("\n   " + describeCall(c))
		}
	}
	return b.String()
}

// describeCall sums up a parsed call in one line.
func describeCall(c drivers.Call) string {
	parts := []string{
		i18n.DateTime(c.Start),
		i18n.T("direction." + string(c.Direction)),
		i18n.T("col.extension") + " " + c.Extension,
	}
	if c.External != "" {
		parts = append(parts, i18n.T("col.external")+" "+c.External)
	}
	parts = append(parts, i18n.T("col.duration")+" "+i18n.Duration(c.Duration))
	return strings.Join(parts, " · ")
}
