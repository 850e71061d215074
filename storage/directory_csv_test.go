package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// siteCSV is a site's directory: five hundred extensions over departments
// and cost centres, one desk that changed hands.
func siteCSV() (depts, ccs, exts, phones string) {
	depts = "path\nSales\nSales/Inside Sales\nSupport\n"
	ccs = "code,name\n4100,Sales\n4200,\"Support, 2nd level\"\n"
	var b strings.Builder
	b.WriteString("number,name,user,department,cost_centre,site,active_from,active_to,unassigned\n")
	for i := range 500 {
		dept, cc := "Sales/Inside Sales", "4100"
		if i%2 == 1 {
			dept, cc = "Support", "4200"
		}
		fmt.Fprintf(&b, "%d,Desk %d,User %d,%s,%s,Main,,,no\n", 1000+i, i, i, dept, cc)
	}
	b.WriteString("201,Desk A,Anna,Sales,4100,Main,,2026-03-01,no\n")
	b.WriteString("201,Desk A,Ben,Support,4200,Main,2026-03-01,,no\n")
	phones = "number,e164,name,company\n0301234567,+49301234567,Anna Berg,Berg GmbH\n0800111,,,Hotline\n"
	return depts, ccs, b.String(), phones
}

type csvList struct {
	name       string
	importFn   func(*Tenant, string) (ImportStats, error)
	exportFn   func(*Tenant) (string, error)
	file, want string
}

func csvLists() []csvList {
	depts, ccs, exts, phones := siteCSV()
	imp := func(f func(*Tenant, context.Context, *strings.Reader, string) (ImportStats, error)) func(*Tenant, string) (ImportStats, error) {
		return func(t *Tenant, s string) (ImportStats, error) {
			return f(t, context.Background(), strings.NewReader(s), "x.csv")
		}
	}
	exp := func(f func(*Tenant, context.Context, *bytes.Buffer) error) func(*Tenant) (string, error) {
		return func(t *Tenant) (string, error) {
			var b bytes.Buffer
			err := f(t, context.Background(), &b)
			return b.String(), err
		}
	}
	return []csvList{
		{"departments", imp(func(t *Tenant, c context.Context, r *strings.Reader, f string) (ImportStats, error) {
			return t.ImportDepartments(c, r, f)
		}),
			exp(func(t *Tenant, c context.Context, b *bytes.Buffer) error { return t.ExportDepartments(c, b) }), depts, depts},
		{"cost centres", imp(func(t *Tenant, c context.Context, r *strings.Reader, f string) (ImportStats, error) {
			return t.ImportCostCentres(c, r, f)
		}),
			exp(func(t *Tenant, c context.Context, b *bytes.Buffer) error { return t.ExportCostCentres(c, b) }), ccs, ccs},
		{"extensions", imp(func(t *Tenant, c context.Context, r *strings.Reader, f string) (ImportStats, error) {
			return t.ImportExtensions(c, r, f)
		}),
			exp(func(t *Tenant, c context.Context, b *bytes.Buffer) error { return t.ExportExtensions(c, b) }), exts,
			// exported by number, shorter numbers first
			exts[:strings.Index(exts, "\n")+1] + exts[strings.Index(exts, "\n201,")+1:] + exts[strings.Index(exts, "\n")+1:strings.Index(exts, "\n201,")+1]},
		{"phonebook", imp(func(t *Tenant, c context.Context, r *strings.Reader, f string) (ImportStats, error) {
			return t.ImportPhonebook(c, r, f)
		}),
			exp(func(t *Tenant, c context.Context, b *bytes.Buffer) error { return t.ExportPhonebook(c, b) }), phones, "number,e164,name,company\n0800111,,,Hotline\n0301234567,+49301234567,Anna Berg,Berg GmbH\n"},
	}
}

func TestDirectoryCSVRoundTrip(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	_, copyTen := openTenant(t)
	for _, l := range csvLists() {
		rows := strings.Count(l.file, "\n") - 1
		st, err := l.importFn(ten, l.file)
		if err != nil || st != (ImportStats{Added: rows}) {
			t.Fatalf("%s: first import %+v, %v; want %d added", l.name, st, err, rows)
		}
		v, _ := ten.DirectoryVersion(ctx)
		if st, err := l.importFn(ten, l.file); err != nil || st != (ImportStats{Unchanged: rows}) {
			t.Fatalf("%s: second import %+v, %v; want all unchanged", l.name, st, err)
		}
		if v2, _ := ten.DirectoryVersion(ctx); v2 != v {
			t.Errorf("%s: re-import moved the directory version", l.name)
		}
		out, err := l.exportFn(ten)
		if err != nil || out != l.want {
			t.Fatalf("%s: export %v:\n%s\nwant\n%s", l.name, err, head(out), head(l.want))
		}
		// The export builds the same directory elsewhere, and is a no-op here.
		if _, err := l.importFn(copyTen, out); err != nil {
			t.Fatalf("%s: import of the export: %v", l.name, err)
		}
		if again, _ := l.exportFn(copyTen); again != out {
			t.Fatalf("%s: the copy exports\n%s", l.name, head(again))
		}
	}
	e, ok, _ := ten.ExtensionAt(ctx, "201", day("2026-03-02"))
	if !ok || e.User != "Ben" || e.CostCentre != "4200" || e.Department != "Support" {
		t.Fatalf("201 after the move: %+v", e)
	}
}

func head(s string) string {
	lines := strings.SplitN(s, "\n", 5)
	return strings.Join(lines[:min(4, len(lines))], "\n")
}

func TestImportExtensionsUpdates(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	// Rows in any order: the new holder before the old one's period is closed.
	file := "number,user,active_from,active_to\n201,Ben,2026-03-01,\n201,Anna,,2026-03-01\n"
	if _, err := ten.AddExtension(ctx, Extension{Number: "201", User: "Anna"}); err != nil {
		t.Fatal(err)
	}
	st, err := ten.ImportExtensions(ctx, strings.NewReader(file), "move.csv")
	if err != nil || st != (ImportStats{Added: 1, Changed: 1}) {
		t.Fatalf("import: %+v, %v", st, err)
	}
	// A file without active_from updates each number's latest period and
	// keeps the columns it lacks; ";" files from spreadsheets, with a BOM.
	file = "\ufeffNumber;User\n201;Ben B.\n202;Cleo\n"
	st, err = ten.ImportExtensions(ctx, strings.NewReader(file), "semi.csv")
	if err != nil || st != (ImportStats{Added: 1, Changed: 1}) {
		t.Fatalf("import: %+v, %v", st, err)
	}
	list, _ := ten.Extensions(ctx, ExtensionFilter{})
	var got []string
	for _, e := range list {
		got = append(got, e.Number+" "+e.User+" "+periodText(e.From, e.To))
	}
	want := "[201 Anna until 2026-03-01 201 Ben B. from 2026-03-01 on 202 Cleo for all time]"
	if g := sprint(got); g != want {
		t.Fatalf("got %s, want %s", g, want)
	}
}

func TestImportErrorsNameLineAndColumn(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	if _, err := ten.AddDepartment(ctx, "Sales"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		want       []string
	}{
		{"header", "number,colour\n1,red\n", []string{"x.csv:1: column colour: unknown column (want number,name,user,department,cost_centre,site,active_from,active_to,unassigned)"}},
		{"no key column", "name\nx\n", []string{"x.csv:1: column number: missing from the header"}},
		{"empty", "", []string{"x.csv:1: empty file"}},
		{"fields", "number,name,department,active_from,active_to,unassigned\n" +
			"201,A,Slaes,,,\n" + // 2
			"202,B,,2026-13-01,,\n" + // 3
			"203,C,,2026-03-01,2026-02-01,\n" + // 4
			"204,D,,,,maybe\n" + // 5
			"two words,E,,,,\n" + // 6
			"205,F\n" + // 7
			"206,G,Sales,,,\n" + // 8: fine
			"206,G,Sales,,,\n" + // 9
			"\"207\nx\",H,,,,\n", // 10-11
			[]string{
				`x.csv:2: column department: no department "Slaes" (add it with calltally dept add, or import the departments first)`,
				`x.csv:3: column active_from: date "2026-13-01": want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS`,
				`x.csv:4: column active_to: 2026-02-01 is not after active_from 2026-03-01`,
				`x.csv:5: column unassigned: "maybe": want yes or no`,
				`x.csv:6: column number: number "two words": want a number without spaces`,
				`x.csv:7: want 6 fields, as in the header`,
				`x.csv:9: column active_from: "206 starting since always" is on line 8 already`,
				`x.csv:10: column number: number "207\nx": want a number without spaces`,
			}},
		{"quote", "number,name\n201,A\n202,\"B\n", []string{`x.csv:3: extraneous or missing " in quoted-field`}},
		{"overlap", "number,user,active_from,active_to\n301,A,,\n302,B,,\n301,C,2026-01-01,\n",
			[]string{"x.csv:4: column active_from: extension 301 from 2026-01-01 on overlaps its period for all time (A)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ten.ImportExtensions(ctx, strings.NewReader(tt.file), "x.csv")
			var ie ImportErrors
			if !errors.As(err, &ie) || len(ie) != len(tt.want) {
				t.Fatalf("got %v, want %d errors", err, len(tt.want))
			}
			for i, w := range tt.want {
				if got := ie[i].Error(); !strings.HasPrefix(got, w) {
					t.Errorf("error %d:\n got %s\nwant %s", i, got, w)
				}
			}
			if list, _ := ten.Extensions(ctx, ExtensionFilter{}); len(list) != 0 {
				t.Fatalf("a failed import stored %d periods", len(list))
			}
		})
	}
}
