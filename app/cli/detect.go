package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"calltally.app/drivers"
	"calltally.app/drivers/detect"
)

// detectShown is how many candidates detect prints.
const detectShown = 5

func runDetect(ctx context.Context, e *env, args []string) error {
	fs := e.flags("detect")
	asJSON := fs.Bool("json", false, "an array of candidates, best first, as JSON")
	tz := fs.String("tz", "", "the site's time zone, e.g. Europe/Berlin (default: this machine's)")
	received := fs.String("received", "", "when the sample was captured (default now); formats without a year are dated before it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("detect: want one sample FILE (or - for standard input): %w", errUsage)
	}
	sample, err := e.readSample(fs.Arg(0))
	if err != nil {
		return err
	}
	opt, err := detectOptions(*tz, *received)
	if err != nil {
		return err
	}
	found := detect.Detect(sample, opt)
	if *asJSON {
		return e.printCandidatesJSON(found)
	}
	return e.printCandidates(found)
}

func (e *env) readSample(name string) ([]byte, error) {
	r, closeFn, err := e.openInput(name)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	b, err := io.ReadAll(io.LimitReader(r, 16<<20)) // a sample, not a year of records
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return b, nil
}

func detectOptions(tz, received string) (detect.Options, error) {
	loc, err := drivers.LoadZone(tz)
	if err != nil {
		return detect.Options{}, err
	}
	at, err := receivedAt(received, tz)
	if err != nil {
		return detect.Options{}, err
	}
	return detect.Options{Location: loc, Received: at()}, nil
}

// candidateJSON is a candidate as detect --json writes it.
type candidateJSON struct {
	Driver   string            `json:"driver"`
	Settings map[string]string `json:"settings,omitempty"`
	Score    float64           `json:"score"`
	Records  int               `json:"records"`
	Calls    int               `json:"calls"`
	Preview  []drivers.Call    `json:"preview"`
}

func (e *env) printCandidatesJSON(found []detect.Candidate) error {
	out := make([]candidateJSON, len(found))
	for i, c := range found {
		out[i] = candidateJSON{c.Driver, c.Settings, c.Score, c.Records, c.Calls, append([]drivers.Call{}, c.Preview...)}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func (e *env) printCandidates(found []detect.Candidate) error {
	if len(found) == 0 {
		fmt.Fprintln(e.stdout, "No driver reads calls from this sample. Check that it is the PBX's call records (SMDR/CDR), or describe the records with the custom driver.")
		return errQuiet
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "DRIVER\tSETTINGS\tSCORE\tCALLS\tRECORDS")
	for _, c := range found[:min(detectShown, len(found))] {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\n", c.Driver, joinSettings(c.Settings), percent(c.Score), c.Calls, c.Records)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range found[:min(3, len(found))] {
		fmt.Fprintf(e.stdout, "\n%s reads:\n", c.Driver)
		w := newCallWriter(e.stdout, false)
		for _, call := range c.Preview {
			w.add(call)
		}
		if err := w.close(); err != nil {
			return err
		}
	}
	return nil
}

func percent(score float64) string {
	return strconv.Itoa(int(score*100+0.5)) + "%"
}
