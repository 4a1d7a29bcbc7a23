package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// walk calls f on every JSON object in v.
func walk(v any, path string, f func(path string, m map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		f(path, x)
		for k, c := range x {
			walk(c, path+"."+k, f)
		}
	case []any:
		for i, c := range x {
			walk(c, path+"["+strconv.Itoa(i)+"]", f)
		}
	}
}

// Every interval the report gives encloses its count or point (issue 9
// found §3 and must-have §8: cell A/4 showed 2 with the interval "3").
func TestEveryIntervalEnclosesItsCount(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "report.json.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	n := 0
	walk(v, "", func(path string, m map[string]any) {
		lo, okLo := m["lo"].(float64)
		hi, okHi := m["hi"].(float64)
		if !okLo || !okHi {
			return
		}
		for _, key := range []string{"count", "point", "median"} {
			x, ok := m[key].(float64)
			if !ok {
				continue
			}
			n++
			if x < lo || x > hi {
				t.Errorf("%s: %s %v outside its interval %v–%v", path, key, x, lo, hi)
			}
		}
	})
	if n < 100 {
		t.Errorf("only %d intervals checked: the walk missed the report's figures", n)
	}
}

// The printed text encloses its printed counts too: every "N (90%: LO–HI)"
// in the report, read back with estimate.ParseRange, has LO ≤ N ≤ HI.
func TestPrintedIntervalsEncloseCounts(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "report.text.golden"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	n := 0
	for {
		i := strings.Index(text, " (90%: ")
		if i < 0 {
			break
		}
		before := text[:i]
		text = text[i+len(" (90%: "):]
		end := strings.IndexAny(text, ")")
		if end < 0 {
			break
		}
		rng := text[:end]
		word := before[strings.LastIndexAny(before, " ₽$£€(")+1:]
		word = strings.TrimSuffix(strings.TrimPrefix(word, "₽"), "trn")
		if strings.HasSuffix(word, "%") || strings.HasPrefix(rng, "₽") || strings.Contains(rng, "%") {
			continue // shares: checked through the JSON
		}
		x, _, err1 := estimate.ParseRange(word)
		lo, hi, err2 := estimate.ParseRange(rng)
		if err1 != nil || err2 != nil {
			continue // not a count, such as "about 75%–85%"
		}
		n++
		if x < lo || x > hi {
			t.Errorf("printed %q (90%%: %s): the count lies outside its interval", word, rng)
		}
	}
	if n < 5 {
		t.Errorf("only %d printed intervals checked", n)
	}
}

// Text, CSV and JSON give the same numbers for the same run (issue 9
// must-have §8): the CSV's whole people are the JSON's, cell by cell.
func TestCSVAndJSONAgree(t *testing.T) {
	rep := runJSON(t)
	out, _, err := runArgs(t, append(fast, "-format", "csv")...)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]float64{}
	for _, s := range rep.Headcounts.Sectors {
		for _, c := range s.Cells {
			want[s.Code+"/"+c.Level.String()] = [3]float64{float64(c.Count), c.Lo, c.Hi}
		}
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		key := r[col["sector"]] + "/" + r[col["skill_level"]]
		var got [3]float64
		for i, name := range []string{"count", "lo", "hi"} {
			got[i], _ = strconv.ParseFloat(r[col[name]], 64)
		}
		if got != want[key] {
			t.Errorf("cell %s: CSV %v, JSON %v", key, got, want[key])
		}
	}
	if len(recs)-1 != len(want) {
		t.Errorf("CSV has %d cells, JSON %d", len(recs)-1, len(want))
	}
}

// The destination table adds up to the headcount total, and each main
// destination's sectors add up to its row (whole people, exactly).
func TestDestinationsAddUp(t *testing.T) {
	rep := runJSON(t)
	d := rep.Destinations
	if d.Note != "" || len(d.Rows) < 12 {
		t.Fatalf("no destination table: %q, %d rows", d.Note, len(d.Rows))
	}
	var sum int64
	rows := map[string]int64{}
	for _, r := range d.Rows {
		sum += r.Count
		rows[r.Code] = r.Count
	}
	if sum != rep.Headcounts.Total {
		t.Errorf("destinations add up to %d, the headcount total is %d", sum, rep.Headcounts.Total)
	}
	for _, b := range d.BySector {
		var s int64
		for _, c := range b.Sectors {
			s += c.Count
		}
		if s != rows[b.Code] {
			t.Errorf("%s: sectors add up to %d, its row is %d", b.Code, s, rows[b.Code])
		}
	}
}

// A cost total is the sum of the sectors valued: the point figures are
// people times values per person, which add (hand: linearity).
func TestCostsAddUp(t *testing.T) {
	rep := runJSON(t)
	c := rep.Costs
	if c.Note != "" || c.Total.ValueAdded.Point == nil {
		t.Fatalf("no costs: %q", c.Note)
	}
	var wage, va float64
	for _, s := range c.Sectors {
		if s.WageBill.Point != nil {
			wage += *s.WageBill.Point
		}
		if s.ValueAdded.Point != nil {
			va += *s.ValueAdded.Point
		}
	}
	for _, x := range []struct {
		name      string
		sum, want float64
	}{{"wage bill", wage, *c.Total.WageBill.Point}, {"value added", va, *c.Total.ValueAdded.Point}} {
		if math.Abs(x.sum-x.want) > 1e-9*x.want {
			t.Errorf("%s: sectors add up to %g, total %g", x.name, x.sum, x.want)
		}
	}
	if c.Year != 2022 || c.Basis == "" {
		t.Errorf("costs year %d basis %q, want 2022 and a named basis", c.Year, c.Basis)
	}
	// -no-multipliers leaves the economy-wide effect out.
	rep = runJSON(t, "-no-multipliers", "-basis", "compensation", "-year", "2021")
	if rep.Costs.EconomyWide || rep.Costs.Total.EconomyWide.Point != nil || rep.Costs.Year != 2021 {
		t.Errorf("-no-multipliers -year 2021: economy-wide %v %v, year %d", rep.Costs.EconomyWide, rep.Costs.Total.EconomyWide.Point, rep.Costs.Year)
	}
}

// Every source the report cites says who published it (or what it is) and
// when, or why it has no date (issue 9 must-have §10).
func TestSourcesComplete(t *testing.T) {
	rep := runJSON(t)
	reasons := []string{"date", "not known", "not found"}
	for _, s := range rep.Sources {
		if s.Publisher == "" && s.Title == "" {
			t.Errorf("[%d] has neither publisher nor title: %+v", s.ID, s.Source)
		}
		if s.Title == "" && s.Note == "" {
			t.Errorf("[%d] %s has neither title nor note", s.ID, s.Publisher)
		}
		if s.Date != "" {
			continue
		}
		ok := false
		for _, r := range reasons {
			ok = ok || strings.Contains(s.Note, r)
		}
		if !ok {
			t.Errorf("[%d] %s %q has no date and does not say why", s.ID, s.Publisher, s.Title)
		}
	}
}

// No pooled source covers a different quantity (issue 9 found §5): the
// article's summary phrase, the post-mobilisation count and single figures
// are context, never pooled.
func TestPoolsOneQuantity(t *testing.T) {
	rep := runJSON(t)
	for _, f := range rep.Emigrants.Estimates {
		if f.Period == "" || f.Counts == "" {
			t.Errorf("%s: no period or quantity", f.Name)
		}
		context := f.Name == "the article" || strings.HasPrefix(f.Name, "Forbes") || f.Lo == f.Hi
		if f.Pooled == context {
			t.Errorf("%s: pooled = %v", f.Name, f.Pooled)
		}
		if !f.Pooled && !strings.HasPrefix(f.Note, "not pooled: ") {
			t.Errorf("%s: context without a reason: %q", f.Name, f.Note)
		}
	}
}

// No finding restates an input (issue 9 found §4): the summary's findings
// carry none of the assumptions' own figures, such as the surveys' "80%"
// with a degree or the IT share's "27%–45%".
func TestFindingsRestateNoInput(t *testing.T) {
	rep := runJSON(t)
	if len(rep.Summary.Assumptions) < 5 || len(rep.Summary.Findings) < 5 {
		t.Fatalf("summary: %d assumptions, %d findings", len(rep.Summary.Assumptions), len(rep.Summary.Findings))
	}
	for _, f := range rep.Summary.Findings {
		for _, input := range []string{"80%", "27%", "45%", "as the surveys", "lost the largest share"} {
			if strings.Contains(f.Text, input) {
				t.Errorf("finding restates the input %q: %s", input, f.Text)
			}
		}
		if f.Section < 2 || f.Section > 6 {
			t.Errorf("finding points to section %d: %s", f.Section, f.Text)
		}
	}
	for _, a := range rep.Summary.Assumptions {
		if a.Section < 2 || a.Section > 6 {
			t.Errorf("assumption points to section %d: %s", a.Section, a.Text)
		}
	}
}

// Every chart says what its whiskers are, names its source, and ends near
// its largest whisker (issue 9 must-have §8).
func TestChartsSayWhatTheyShow(t *testing.T) {
	rep := runJSON(t)
	c1, c2 := headcountChart(&rep), chart{}
	var ok bool
	charts := []chart{c1}
	if c2, ok = destinationChart(&rep); ok {
		charts = append(charts, c2)
	}
	if c3, ok := costChart(&rep); ok {
		charts = append(charts, c3)
	}
	if len(charts) != 3 {
		t.Fatalf("%d charts, want 3", len(charts))
	}
	for _, c := range charts {
		if !strings.Contains(c.subtitle, "Whiskers: 90% intervals") || !strings.HasPrefix(c.source, "Source: ") {
			t.Errorf("chart %q: subtitle %q, source %q", c.title, c.subtitle, c.source)
		}
		for _, b := range c.bars {
			if b.value < b.lo || b.value > b.hi {
				t.Errorf("chart %q, bar %q: %v outside its whisker %v–%v", c.title, b.label, b.value, b.lo, b.hi)
			}
		}
	}
}
