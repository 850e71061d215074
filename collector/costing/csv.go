package costing

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ParseError is a problem in a plan file, at a line and (where one cell is
// at fault) a column.
type ParseError struct {
	Line   int
	Column int    // 1-based cell number; 0 when the whole row is at fault
	Field  string // the column's header or the setting's name
	Err    error
}

func (e *ParseError) Error() string {
	switch {
	case e.Column > 0 && e.Field != "":
		return fmt.Sprintf("line %d, column %d (%s): %v", e.Line, e.Column, e.Field, e.Err)
	case e.Column > 0:
		return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ParseCSV reads tariff plans in the CSV format the README documents: for
// each plan a "plan,NAME" row, setting rows ("currency,EUR"), then a header
// row starting with "name" and one row per rate. Lines starting with # are
// comments. The plans come back validated and checked against each other
// as NewPlans does.
func ParseCSV(r io.Reader) ([]Plan, error) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3) // a spreadsheet's byte-order mark would hide a leading comment
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	p := csvParser{set: &Plans{exact: map[string]*Plan{}}, owner: map[string]string{}}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if err := p.row(line, trimRow(row)); err != nil {
			return nil, err
		}
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	if len(p.plans) == 0 {
		return nil, errors.New("no plan: a plan file starts with a row plan,NAME")
	}
	return p.plans, nil
}

// csvError turns the csv package's syntax errors into ParseErrors.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{Line: pe.Line, Err: pe.Err}
	}
	return fmt.Errorf("read plan file: %w", err)
}

// trimRow trims the cells and drops the empty cells at the end of a row,
// which spreadsheets write to pad rows to the widest one.
func trimRow(row []string) []string {
	for i := range row {
		row[i] = strings.TrimSpace(row[i])
	}
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row
}

// csvParser is the state of ParseCSV: the plan being read and where.
type csvParser struct {
	plans    []Plan
	cur      *Plan
	planLine int
	seen     map[string]bool // settings given in the current plan
	header   []string        // the current plan's rate columns, once read
	lines    []int           // line of each rate of the current plan
	set      *Plans          // checks the plans against each other
	owner    map[string]string
}

func (p *csvParser) row(line int, row []string) error {
	switch {
	case len(row) == 0:
		return nil
	case strings.EqualFold(row[0], "plan"):
		return p.startPlan(line, row)
	case p.cur == nil:
		return &ParseError{Line: line, Column: 1, Err: fmt.Errorf("%q before the first plan row (plan,NAME)", row[0])}
	case p.header != nil:
		return p.rate(line, row)
	case strings.EqualFold(row[0], "name"):
		return p.readHeader(line, row)
	}
	return p.setting(line, row)
}

func (p *csvParser) startPlan(line int, row []string) error {
	if err := p.finish(); err != nil {
		return err
	}
	if len(row) != 2 || row[1] == "" {
		return &ParseError{Line: line, Err: errors.New("want plan,NAME")}
	}
	p.plans = append(p.plans, Plan{Name: row[1]})
	p.cur = &p.plans[len(p.plans)-1]
	p.planLine, p.seen, p.header, p.lines = line, map[string]bool{}, nil, nil
	return nil
}

// finish validates the plan just read, naming the line of a faulty rate.
func (p *csvParser) finish() error {
	if p.cur == nil {
		return nil
	}
	err := p.cur.Validate()
	var re *rateError
	if errors.As(err, &re) {
		return &ParseError{Line: p.lines[re.i], Err: re.err}
	}
	if err == nil {
		if err = p.set.add(p.cur, p.owner); err != nil {
			err = fmt.Errorf("plan %q: %w", p.cur.Name, err)
		}
	}
	if err != nil {
		return &ParseError{Line: p.planLine, Err: err}
	}
	return nil
}

func (p *csvParser) readHeader(line int, row []string) error {
	for i, col := range row {
		col = strings.ToLower(col)
		row[i] = col
		if _, ok := rateColumns[col]; !ok {
			return &ParseError{Line: line, Column: i + 1, Err: fmt.Errorf("unknown column %q: want %s", col, columnList())}
		}
		if slices.Contains(row[:i], col) {
			return &ParseError{Line: line, Column: i + 1, Err: fmt.Errorf("column %q twice", col)}
		}
	}
	p.header = slices.Clone(row)
	return nil
}

func (p *csvParser) rate(line int, row []string) error {
	if len(row) > len(p.header) {
		return &ParseError{Line: line, Column: len(p.header) + 1, Err: errors.New("more cells than the header has columns")}
	}
	r := Rate{PerMinute: map[Band]Money{}}
	for i, v := range row {
		if v == "" {
			continue
		}
		if err := rateColumns[p.header[i]](&r, v); err != nil {
			if _, ok := settings[strings.ToLower(row[0])]; ok {
				err = fmt.Errorf("%w (settings go before the rate header)", err)
			}
			return &ParseError{Line: line, Column: i + 1, Field: p.header[i], Err: err}
		}
	}
	if err := r.check(); err != nil {
		return &ParseError{Line: line, Err: err}
	}
	p.cur.Rates = append(p.cur.Rates, r)
	p.lines = append(p.lines, line)
	return nil
}

func (p *csvParser) setting(line int, row []string) error {
	key := strings.ToLower(row[0])
	s, ok := settings[key]
	if !ok {
		return &ParseError{Line: line, Column: 1, Err: fmt.Errorf("unknown setting %q: want %s, or a rate header row starting with name", row[0], settingList())}
	}
	if p.seen[key] {
		return &ParseError{Line: line, Column: 1, Field: key, Err: errors.New("setting given twice")}
	}
	// A plan takes a markup or a discount: both would leave the reader
	// guessing which applies.
	if p.seen["markup"] && key == "discount" || p.seen["discount"] && key == "markup" {
		return &ParseError{Line: line, Column: 1, Field: key, Err: errors.New("a plan has a markup or a discount, not both")}
	}
	p.seen[key] = true
	values := row[1:]
	if len(values) == 0 || !s.many && len(values) > 1 {
		return &ParseError{Line: line, Field: key, Err: fmt.Errorf("want %s", s.want)}
	}
	for i, v := range values {
		if err := s.set(p.cur, v); err != nil {
			return &ParseError{Line: line, Column: i + 2, Field: key, Err: err}
		}
	}
	return nil
}
