package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// runArgs runs the command with args and returns stdout, stderr and the error.
func runArgs(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

// fast keeps tests quick under -race: fewer draws than the default.
var fast = []string{"-draws", "2000"}

func runJSON(t *testing.T, args ...string) report {
	t.Helper()
	out, stderr, err := runArgs(t, append(append([]string{"-format", "json"}, fast...), args...)...)
	if err != nil {
		t.Fatalf("run %q: %v\nstderr: %s", args, err, stderr)
	}
	var rep report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("run %q: output is not JSON: %v", args, err)
	}
	return rep
}

// TestGolden checks the default report, byte for byte, as text and as
// JSON (one simulation, both renderings). Rewrite the golden files with:
//
//	go test ./examples/exodus -run TestGolden -update
func TestGolden(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	in, err := loadInputs(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := buildReport(context.Background(), cfg, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		got, err := render(rep, format, "headcounts")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "report."+format+".golden")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("default %s report mismatch (-want +got):\n%s", format, diff)
		}
	}
}

// TestReportAddsUp checks the report's own arithmetic: every sector row
// adds up to its total, every skill column to its total, and both to the
// grand total.
func TestReportAddsUp(t *testing.T) {
	rep := runJSON(t)
	h := rep.Headcounts
	var grand int64
	cols := make([]int64, 4)
	for _, s := range h.Sectors {
		var row int64
		for i, c := range s.Cells {
			row += c.Count
			cols[i] += c.Count
		}
		if row != s.Count {
			t.Errorf("sector %s: cells add up to %d, row total %d", s.Code, row, s.Count)
		}
		grand += row
	}
	if grand != h.Total {
		t.Errorf("cells add up to %d, total %d", grand, h.Total)
	}
	for i, k := range h.Skills {
		if cols[i] != k.Count {
			t.Errorf("skill %d: cells add up to %d, column total %d", k.Level, cols[i], k.Count)
		}
	}
	if len(h.Sectors) != 21 {
		t.Errorf("%d sectors, want the 21 ISIC Rev.4 sections", len(h.Sectors))
	}
	if rep.Schema != schemaName {
		t.Errorf("schema %q, want %q", rep.Schema, schemaName)
	}
	// Every cited source exists.
	for _, f := range rep.Emigrants.Estimates {
		for _, id := range f.SourceRefs {
			if id < 1 || id > len(rep.Sources) {
				t.Errorf("%s cites source %d of %d", f.Name, id, len(rep.Sources))
			}
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		args []string
		cur  string
		want string // hand: 1.2e12 / rate, half to even (Python decimal)
	}{
		// CBR USD rate dated 25.02.2022: 86.9288 (issue #3).
		{[]string{"-date", "2022-02-25"}, "USD", "13804400842.99 USD"},
		// CBR XML_daily of 09.11.2024: USD 97,8335, EUR 105,4510.
		{[]string{"-rates", "testdata/cbr-2024-11-09.xml", "-date", "2024-11-09"}, "USD", "12265737196.36 USD"},
		{[]string{"-rates", "testdata/cbr-2024-11-09.xml", "-date", "2024-11-20"}, "EUR", "11379692937.95 EUR"},
		// A file without -date: the file's own latest day.
		{[]string{"-rates", "testdata/cbr-2024-11-09.xml"}, "USD", "12265737196.36 USD"},
		// ECB reference rates of 2022-03-01 (eurofxref-hist): 1.1162 USD and
		// 117.201 RUB per EUR, so 1.2e12 × 1.1162 / 117.201, crossed through EUR.
		{[]string{"-rates", "testdata/eurofxref-sample.xml", "-date", "2022-03-01"}, "USD", "11428571428.57 USD"},
	}
	for _, tt := range tests {
		rep := runJSON(t, tt.args...)
		var got string
		for _, c := range rep.Money.Day {
			if c.Currency == tt.cur && c.Amount != nil {
				got = c.Amount.String()
			}
		}
		if got != tt.want {
			t.Errorf("run %q: %s = %q, want %q", tt.args, tt.cur, got, tt.want)
		}
	}

	rep := runJSON(t)
	if len(rep.Money.Day) != 0 {
		t.Errorf("without -date the report converts at the rates of a day: %+v", rep.Money.Day)
	}
	// February 2022's calendar-day weighted averages (shared/reference/
	// cbr-feb-2022.md, §3: 77.4047678571 RUB/USD, 104.7894571429 RUB/GBP;
	// hand with bc: 1.2e12 / average, half to even).
	wantAvg := map[string]string{"USD": "15502920985.63 USD", "GBP": "11451533701.18 GBP"}
	for _, c := range rep.Money.Average {
		if w, ok := wantAvg[c.Currency]; ok && (c.Amount == nil || c.Amount.String() != w) {
			t.Errorf("February 2022 average %s = %v, want %s", c.Currency, c.Amount, w)
		}
		if c.Currency == "USD" && c.Basis != "official" {
			t.Errorf("USD average basis %q, want official (every USD rate of the month is from a CBR export)", c.Basis)
		}
		if c.Currency == "GBP" && c.Basis != "reported" {
			t.Errorf("GBP average basis %q, want reported (GBP rates come from copies)", c.Basis)
		}
	}
	// The article's implied rates: 1.2e12/80 and 1.2e12/100 (hand).
	want := map[string]string{"USD": "15000000000.00 USD", "GBP": "12000000000.00 GBP"}
	for _, a := range rep.Money.Article {
		if a.Amount.String() != want[a.Currency] || a.ImpliedBasis != "derived" {
			t.Errorf("article %s = %s (%s), want %s (derived)", a.Currency, a.Amount, a.ImpliedBasis, want[a.Currency])
		}
	}
}

func TestTotalAndShare(t *testing.T) {
	tests := []struct {
		args []string
		want int64
	}{
		{[]string{"-total", "1000000"}, 1_000_000},
		{[]string{"-total", "1,000,000"}, 1_000_000},
		// hand: 1.5% of the labour force, 75.1 million (Rosstat LFS, November 2022)
		{[]string{"-share", "1.5%"}, 1_126_500},
		{[]string{"-share", "0.015"}, 1_126_500},
	}
	for _, tt := range tests {
		rep := runJSON(t, tt.args...)
		if rep.Headcounts.Total != tt.want {
			t.Errorf("run %q: total %d, want %d", tt.args, rep.Headcounts.Total, tt.want)
		}
		if lo, hi := rep.Headcounts.Lo, rep.Headcounts.Hi; lo != hi {
			t.Errorf("run %q: a point total has interval %g–%g", tt.args, lo, hi)
		}
	}
	rep := runJSON(t, "-total", "600000-1000000")
	if h := rep.Headcounts; !(h.Lo < float64(h.Total) && float64(h.Total) < h.Hi) {
		t.Errorf("-total 600000-1000000: total %d not inside its interval %g–%g", h.Total, h.Lo, h.Hi)
	}
}

func TestSeed(t *testing.T) {
	a, _, err := runArgs(t, append(fast, "-seed", "7")...)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := runArgs(t, append(fast, "-seed", "7")...)
	c, _, _ := runArgs(t, append(fast, "-seed", "8")...)
	if a != b {
		t.Error("the same seed gave different reports")
	}
	if a == c {
		t.Error("seeds 7 and 8 gave the same report")
	}
	if !strings.Contains(a, "2000 draws, seed 7") {
		t.Error("the report does not state its draws and seed")
	}
}

func TestCSV(t *testing.T) {
	out, _, err := runArgs(t, append(fast, "-format", "csv", "-total", "1000000")...)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if got, want := len(recs), 1+21*4; got != want {
		t.Fatalf("%d records, want %d (header + 21 sectors × 4 skill levels)", got, want)
	}
	var sum int64
	for _, r := range recs[1:] {
		n, err := strconv.ParseInt(r[3], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		sum += n
		// lo90 and hi90 are whole people, in order.
		lo, err1 := strconv.ParseInt(r[4], 10, 64)
		hi, err2 := strconv.ParseInt(r[5], 10, 64)
		if err1 != nil || err2 != nil || lo < 0 || lo > hi {
			t.Errorf("%s skill %s: lo90–hi90 %s–%s, want whole people in order", r[0], r[2], r[4], r[5])
		}
	}
	if sum != 1_000_000 {
		t.Errorf("counts add up to %d, want 1000000", sum)
	}
}

func TestCharts(t *testing.T) {
	dir := t.TempDir()
	svg, pngPath := filepath.Join(dir, "c.svg"), filepath.Join(dir, "c.png")
	if _, stderr, err := runArgs(t, append(fast, "-svg", svg, "-png", pngPath)...); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("-png: not a PNG: %v", err)
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg", "Information and communication", "people who left"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("-svg: lacks %q", want)
		}
	}
}

func TestWorkforceFile(t *testing.T) {
	rep := runJSON(t, "-workforce", "testdata/workforce.csv", "-total", "1000")
	h := rep.Headcounts
	if h.Total != 1000 || len(h.Sectors) != 2 {
		t.Fatalf("total %d in %d sectors, want 1000 in 2", h.Total, len(h.Sectors))
	}
	if h.Sectors[0].Count+h.Sectors[1].Count != 1000 {
		t.Errorf("sectors add up to %d", h.Sectors[0].Count+h.Sectors[1].Count)
	}
	if rep.Settings.Workforce != "testdata/workforce.csv" {
		t.Errorf("settings.workforce = %q", rep.Settings.Workforce)
	}
}

func TestHelp(t *testing.T) {
	out, stderr, err := runArgs(t, "-h")
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: error %v, want flag.ErrHelp (main exits 0)", err)
	}
	if out != "" {
		t.Errorf("-h wrote %d bytes to stdout", len(out))
	}
	for _, name := range []string{"-format", "-svg", "-png", "-draws", "-seed", "-share", "-total", "-date", "-rates", "-workforce"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("-h does not document %s", name)
		}
	}
}

// TestBadInput: each bad input is an error on one line that names the
// problem, with nothing written to stdout and no chart file left behind.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // a word the error must contain
	}{
		{"date with no rate", []string{"-date", "2021-01-01"}, "2021-01-01"},
		{"malformed date", []string{"-date", "15.03.2022"}, "15.03.2022"},
		{"negative share", []string{"-share", "-0.01"}, "-0.01"},
		{"share of 150%", []string{"-share", "150%"}, "150%"},
		{"NaN total", []string{"-total", "NaN"}, "NaN"},
		{"total and share", []string{"-total", "1000", "-share", "0.01"}, "choose one"},
		{"unknown format", []string{"-format", "xml"}, "xml"},
		{"too few draws", []string{"-draws", "5"}, "5"},
		{"draws that would exhaust memory", []string{"-draws", "10000000"}, "10000000"},
		{"malformed CSV", []string{"-total", "1000", "-workforce", "testdata/bad-workforce.csv"}, "bad-workforce.csv"},
		{"missing CSV", []string{"-total", "1000", "-workforce", "testdata/none.csv"}, "none.csv"},
		{"truncated XML", []string{"-rates", "testdata/truncated.xml"}, "truncated.xml"},
		{"not a rates file", []string{"-rates", "testdata/workforce.csv"}, "workforce.csv"},
		{"unknown currency in a rates file", []string{"-rates", "testdata/unknown-currency.xml"}, "XYZ"},
		{"stray argument", []string{"extra"}, "extra"},
		{"workforce without a total", []string{"-workforce", "testdata/workforce.csv"}, "-total or -share"},
		{"chart in a missing folder", []string{"-svg", "testdata/no/such/dir/c.svg"}, "c.svg"},
		{"chart onto a folder", []string{"-svg", "testdata"}, "testdata"},
		{"two charts to one file", []string{"-svg", "x.png", "-png", "x.png"}, "x.png"},
		{"malformed -draws", []string{"-draws", "abc"}, "abc"},
		{"unknown flag", []string{"-colour", "red"}, "-colour"},
		{"not a day", []string{"-date", "2022-02-30"}, "2022-02-30"},
		{"negative total", []string{"-total", "-5"}, "-5"},
		{"reversed interval", []string{"-total", "9000-3000"}, "9000-3000"},
		{"total above 1e10", []string{"-total", "2e10"}, "2e10"},
		{"a day with no rate, after the last", []string{"-date", "2030-01-01"}, "2030-01-01"},
		{"missing cell in a CSV", []string{"-total", "1000", "-workforce", "testdata/missing-cell.csv"}, `"J", column "2"`},
		{"persons in the billions of billions", []string{"-total", "1000", "-workforce", "testdata/huge-workforce.csv"}, "1e+300"},
		{"ECB file with no RUB on the day", []string{"-rates", "testdata/eurofxref-sample.xml", "-date", "2021-01-01"}, "2021-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chart := filepath.Join(t.TempDir(), "c.png")
			args := append(append([]string{}, fast...), tt.args...)
			if !slices.Contains(tt.args, "-png") {
				args = append(args, "-png", chart)
			}
			out, stderr, err := runArgs(t, args...)
			if err == nil {
				t.Fatalf("run %q: want an error", tt.args)
			}
			if stderr != "" {
				t.Errorf("stderr written besides the error: %q", stderr)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error spans lines: %q", msg)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not name %q", msg, tt.want)
			}
			if out != "" {
				t.Errorf("stdout written on error: %d bytes", len(out))
			}
			if _, err := os.Stat(chart); err == nil {
				t.Error("chart written on error")
			}
		})
	}
}

func TestProgressBar(t *testing.T) {
	// Not a terminal: no progress callback at all.
	if progressBar(&bytes.Buffer{}) != nil {
		t.Error("progress bar on a bytes.Buffer")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if progressBar(f) != nil {
		t.Error("progress bar on a regular file")
	}
}

// TestReadmeShowsTheReport keeps the README's excerpt of the default
// report true: it must be the first lines of the golden report.
func TestReadmeShowsTheReport(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const open = "The report begins:\n\n```\n"
	_, after, ok := strings.Cut(string(readme), open)
	if !ok {
		t.Fatal("README.md has no 'The report begins:' block")
	}
	excerpt, _, _ := strings.Cut(after, "```")
	golden, err := os.ReadFile(filepath.Join("testdata", "report.text.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(golden), excerpt) {
		t.Errorf("README.md's excerpt is not the start of the default report; copy the first lines of testdata/report.text.golden")
	}
}

// TestPointInputs: a fixed total gives a fixed figure, not an interval of
// one number, and the summary says where section 3's total comes from.
func TestPointInputs(t *testing.T) {
	out, _, err := runArgs(t, append(fast, "-total", "1000000")...)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1,000,000 people, a fixed figure: the number given with -total: 1,000,000.",
		"Section 3 takes the number given with -total",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("-total 1000000: report lacks %q", want)
		}
	}
	// hand: -share 1%-2% is a 90% interval, echoed as given (issue 14 §8)
	out, _, err = runArgs(t, append(fast, "-share", "1%-2%")...)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-share 1%-2% (a 90% interval) of the labour force"; !strings.Contains(out, want) {
		t.Errorf("-share 1%%-2%%: report lacks %q", want)
	}
}

// TestWorkforceNoSector: a sector with no one employed has no share of its
// workforce: null in JSON, empty in CSV, a dash in text; and no survey
// focus on IT when J is empty.
func TestWorkforceNoSector(t *testing.T) {
	rep := runJSON(t, "-workforce", "testdata/empty-j.csv", "-total", "100")
	for _, s := range rep.Headcounts.Sectors {
		if s.Code == "J" && (s.Count != 0 || !math.IsNaN(float64(s.Share))) {
			t.Errorf("sector J with no workforce: %d people, share %v; want 0 and null", s.Count, s.Share)
		}
	}
	if len(rep.Headcounts.Assumptions) != 2 {
		t.Errorf("%d assumptions, want the skill bands and 'everyone worked' only", len(rep.Headcounts.Assumptions))
	}
	if len(rep.Headcounts.Comparisons) != 0 {
		t.Error("the Russian IT figure compared with another country's data")
	}
	out, _, err := runArgs(t, append(fast, "-workforce", "testdata/empty-j.csv", "-total", "100", "-format", "csv")...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "J,Information and communication,1,0,0,0,0,\n") {
		t.Errorf("CSV share of an empty sector is not empty:\n%s", out)
	}
}

// TestRatesFilePartial: a rates file with USD only (a CBR XML_dynamic
// file) converts USD and says, per currency, which rate is missing.
func TestRatesFilePartial(t *testing.T) {
	rep := runJSON(t, "-rates", "testdata/cbr-dynamic-usd.xml", "-date", "2022-02-25")
	got := map[string]string{}
	for _, c := range rep.Money.Day {
		if c.Amount != nil {
			got[c.Currency] = c.Amount.String()
		} else {
			got[c.Currency] = c.Note
		}
	}
	want := map[string]string{
		"USD": "13804400842.99 USD", // hand: 1.2e12 / 86.9288, half to even
		"GBP": "no GBP rate on 2022-02-25 or in the 14 days before it",
		"EUR": "no EUR rate on 2022-02-25 or in the 14 days before it",
		"CNY": "no CNY rate on 2022-02-25 or in the 14 days before it",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("day conversions mismatch (-want +got):\n%s", diff)
	}
	// The file has no rate for most of February: no average, and the note
	// says how many days are missing rather than averaging fewer.
	for _, c := range rep.Money.Average {
		if c.Amount != nil || !strings.Contains(c.Note, "of the 28 days") {
			t.Errorf("%s average from a file of two days: %v %q", c.Currency, c.Amount, c.Note)
		}
	}
}

func TestRatesFileNamed(t *testing.T) {
	out, _, err := runArgs(t, append(fast, "-rates", "testdata/cbr-2024-11-09.xml", "-date", "2024-11-09")...)
	if err != nil {
		t.Fatal(err)
	}
	if want := "At the rates of testdata/cbr-2024-11-09.xml in force on 2024-11-09"; !strings.Contains(out, want) {
		t.Errorf("report lacks %q", want)
	}
}

// TestSchemaDocumented: every key of the default JSON report is named in
// the command's documentation (main.go), so the schema cannot grow a field
// that "go doc ./examples/exodus" does not mention.
func TestSchemaDocumented(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, _ := strings.Cut(string(src), "package main")
	golden, err := os.ReadFile(filepath.Join("testdata", "report.json.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(golden, &v); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				keys[k] = true
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	for k := range keys {
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(k) + `\b`).MatchString(doc) {
			t.Errorf("JSON key %q is not documented in main.go", k)
		}
	}
	if len(keys) < 50 {
		t.Errorf("only %d keys found in the golden report", len(keys))
	}
}

// TestWorkforceFileDropsRussianSurveys: another country's data gets no
// composition from the surveys of emigrants from Russia.
func TestWorkforceFileDropsRussianSurveys(t *testing.T) {
	rep := runJSON(t, "-workforce", "testdata/workforce.csv", "-total", "1000")
	for _, a := range rep.Headcounts.Assumptions {
		if len(a.SourceRefs) > 0 {
			t.Errorf("assumption cites a survey of emigrants from Russia: %q", a.Text)
		}
	}
	out, _, err := runArgs(t, append(fast, "-workforce", "testdata/workforce.csv", "-total", "1000")...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "section 3 uses the employment in testdata/workforce.csv") {
		t.Error("the summary does not say which data section 3 uses")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("device full") }

// When stdout cannot be written, no chart is left behind, neither in place
// nor as a temporary file (issue 13 row 17: the charts were already renamed
// into place).
func TestChartsNotWrittenWhenStdoutFails(t *testing.T) {
	dir := t.TempDir()
	svg, png := filepath.Join(dir, "s.svg"), filepath.Join(dir, "p.png")
	err := run(context.Background(), append(fast, "-svg", svg, "-png", png), failWriter{}, io.Discard)
	if err == nil {
		t.Fatal("run with a failing stdout returned nil")
	}
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		t.Errorf("left behind: %s", e.Name())
	}
}
