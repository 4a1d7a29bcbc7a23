package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// render writes the report in format: text, csv or json.
func render(rep *report, format, table string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(rep)
	case "csv":
		err = writeCSV(&buf, rep, table)
	default:
		err = writeText(&buf, rep)
		buf = *bytes.NewBuffer(trimTrailingSpace(buf.Bytes()))
	}
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

// writeCSV writes the headcount table in the workforce package's one
// schema (workforce.HeadcountCSVHeader; documented in "go doc
// ./workforce"): one row per sector and skill level, lo and hi the whole
// numbers of people around the 90% interval that enclose count.
func writeCSV(buf *bytes.Buffer, rep *report, table string) error {
	switch table {
	case "destinations":
		return writeCSVRows(buf, []string{"destination", "destination_name", "count", "lo", "hi", "share_of_total"}, func(add func(...string)) {
			for _, r := range rep.Destinations.Rows {
				add(r.Code, r.Name, strconv.FormatInt(r.Count, 10), wholeText(r.Lo), wholeText(r.Hi), csvNumber(float64(r.Share)))
			}
		})
	case "destination-sectors":
		return writeCSVRows(buf, []string{"destination", "sector", "count", "lo", "hi"}, func(add func(...string)) {
			for _, b := range rep.Destinations.BySector {
				for _, c := range b.Sectors {
					add(b.Code, c.Code, strconv.FormatInt(c.Count, 10), wholeText(c.Lo), wholeText(c.Hi))
				}
			}
		})
	case "costs":
		head := []string{"sector", "sector_title", "people", "people_lo", "people_hi"}
		for _, f := range []string{"wage_bill", "value_added", "economy_wide"} {
			head = append(head, f, f+"_lo", f+"_hi")
		}
		return writeCSVRows(buf, head, func(add func(...string)) {
			for _, r := range append(slices.Clone(rep.Costs.Sectors), rep.Costs.Total) {
				code, title := r.Code, r.Title
				if code == "" {
					code, title = "total", "all sectors valued"
				}
				row := []string{code, title}
				for _, f := range []impactFigure{r.People, r.WageBill, r.ValueAdded, r.EconomyWide} {
					row = append(row, csvPtr(f.Point), csvPtr(f.Lo), csvPtr(f.Hi))
				}
				add(row...)
			}
		})
	default:
		return rep.Headcounts.table.WriteCSV(buf)
	}
}

// writeCSVRows writes a header and the rows rows adds.
func writeCSVRows(buf *bytes.Buffer, header []string, rows func(add func(...string))) error {
	w := csv.NewWriter(buf)
	_ = w.Write(header)
	rows(func(rec ...string) { _ = w.Write(rec) })
	w.Flush()
	return w.Error()
}

// wholeText writes a whole number of people.
func wholeText(v float64) string { return strconv.FormatFloat(math.Round(v)+0, 'f', 0, 64) }

// csvNumber writes v to six significant digits, or nothing when it is NaN.
func csvNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// csvPtr writes a missing figure as an empty cell, roubles to the rouble.
func csvPtr(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(math.Round(*v)+0, 'f', 0, 64)
}

func writeText(buf *bytes.Buffer, rep *report) error {
	p := func(format string, a ...any) { fmt.Fprintf(buf, format, a...) }
	p("exodus: who left Russia after February 2022, in people and in money\n")
	p("Reproduces %q %s.\n", srcArticle.Title, cites([]int{1}))
	p("Monte Carlo: %d draws, seed %d. Intervals are central %g%% intervals.\n", rep.Settings.Draws, rep.Settings.Seed, 100*rep.Settings.Level)

	writeSummary(buf, rep)

	p("\n1. SOURCES\n\n")
	for _, s := range rep.Sources {
		p("  [%d] %s\n", s.ID, s.Source)
	}
	var marks []string
	for _, m := range reliabilityMarks {
		for _, s := range rep.Sources {
			if strings.Contains(s.Note, m.mark) {
				marks = append(marks, m.mark+" "+m.meaning)
				break
			}
		}
	}
	if len(marks) > 0 {
		p("  Marks on the rate sources: %s.\n", strings.Join(marks, "; "))
	}

	e := rep.Emigrants
	p("\n2. HOW MANY LEFT\n\n")
	p("  Pooled quantity: %s.\n", e.Quantity)
	p("  Only estimates of it are pooled; the others are context, with the reason.\n\n")
	tw := tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  source\tclaim\tperiod\tread as: median (90%% interval)\tpool weight\t\n")
	for _, f := range e.Estimates {
		weight := "context"
		if f.Pooled {
			weight = strconv.FormatFloat(f.Weight, 'f', 2, 64)
		}
		fmt.Fprintf(tw, "  %s %s\t%s\t%s\t%s\t%s\t\n", f.Name, cites(f.SourceRefs), f.Claim, f.Period, f.Text, weight)
	}
	tw.Flush()
	p("  Each range is read as a central 90%% interval of a lognormal distribution.\n")
	p("  What each counts:\n")
	for _, f := range e.Estimates {
		p("  - %s: %s", f.Name, f.Counts)
		if f.Note != "" {
			p("; %s", f.Note)
		}
		p(".\n")
	}
	p("\n  Pooled (%s): %s\n", e.Pooled.Method, e.Pooled.Text)
	for _, a := range e.Alternatives {
		p("    the same sources by the %s: %s\n", a.Method, a.Text)
	}
	ag := e.Agreement
	p("  Agreement (log space): Cochran's Q = %.1f on %d df (%s), I² = %.0f%%", ag.Q, ag.DF, pValue(float64(ag.P)), 100*ag.I2)
	if len(ag.Disjoint) > 0 {
		var pairs []string
		for _, d := range ag.Disjoint {
			pairs = append(pairs, e.Estimates[d[0]].Name+" / "+e.Estimates[d[1]].Name)
		}
		p("; 90%% intervals that do not overlap: %s", strings.Join(pairs, "; "))
	}
	p(".\n  Reading (I² thresholds of Higgins et al., BMJ 2003): %s.\n", ag.Verdict)
	cc := e.CrossCheck
	p("\n  Cross-check: Alfa Bank's \"about 1.5%% of the workforce\" %s, %s,\n", cites(cc.Share.SourceRefs), cc.Share.Reading)
	p("  of a labour force of %s %s: %s people.\n", humanCount(cc.Base), cites(cc.BaseRefs), cc.People.Text)

	h := rep.Headcounts
	p("\n3. WHO LEFT\n\n")
	if rep.Settings.Workforce != "embedded" {
		p("  On the employment in %s, not the embedded data for Russia.\n", rep.Settings.Workforce)
	}
	fixed := h.Lo == h.Hi
	// count writes a count as exact whole people in a fixed table, and to
	// three significant digits where the counts have a spread: the
	// exact whole people are in -format csv and json.
	count := func(n int64) string {
		if fixed || (n < 1000 && n > -1000) {
			return commas(n)
		}
		return humanSig(float64(n), 3)
	}
	if fixed {
		p("  %s people, a fixed figure: %s.\n", commas(h.Total), h.Basis)
	} else {
		p("  %s people (90%%: %s), from %s.\n", count(h.Total), rangeText(h.Lo, h.Hi), h.Basis)
	}
	p("  Assumptions:\n")
	for _, a := range h.Assumptions {
		p("  - %s %s\n", a.Text, cites(a.SourceRefs))
	}
	if len(h.Comparisons) > 0 {
		p("  Compare:\n")
		for _, c := range h.Comparisons {
			p("  - %s %s\n", c.Text, cites(c.SourceRefs))
		}
	}
	if len(h.ITMappings) > 0 {
		p("  The IT share is of an occupation; which sections employ IT workers is an assumption. Section J under each:\n")
		for _, m := range h.ITMappings {
			p("  - %s: %s (90%%: %s) people, %s of its workforce\n", m.Mapping, humanSig(float64(m.Count), 3), rangeText(m.Lo, m.Hi), percent(float64(m.Share)))
		}
	}
	p("  How the table was made:\n")
	for _, n := range h.Notes {
		p("  - %s\n", n)
	}

	if fixed {
		p("\n  3a. People who left, by sector and ILO skill level. Whole people: every row, column and total adds up exactly.\n")
	} else {
		p("\n  3a. People who left, by sector and ILO skill level, to three significant digits. The whole people behind them,\n")
		p("  which add up exactly in every row, column and total, are in -format csv and json.\n")
	}
	p("  Skill levels (ISCO-08 major groups): 1 elementary occupations (9); 2 clerks, service and sales, skilled agricultural,\n")
	p("  craft and machine workers (4–8); 3 technicians and associate professionals (3); 4 professionals (2). Managers (1)\n")
	p("  are split evenly between levels 3 and 4, armed forces (0), where the data have them, evenly between 1, 2 and 4.\n")
	p("  Intervals of people are to two significant digits; below 100 people, rounded outward to whole people.\n\n")
	tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-37s\tskill 1\tskill 2\tskill 3\tskill 4\ttotal\t90%% interval\tworkforce\tshare left (90%%)\t\n", "sector")
	for _, s := range h.Sectors {
		fmt.Fprintf(tw, "%s %-35s\t", s.Code, shortTitle(s.Code, s.Title))
		for _, c := range s.Cells {
			fmt.Fprintf(tw, "%s\t", count(c.Count))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", count(s.Count), rangeText(s.Lo, s.Hi), humanCount(s.Workforce), shareText(float64(s.Share), float64(s.ShareLo), float64(s.ShareHi)))
	}
	fmt.Fprintf(tw, "%-37s\t", "total")
	for _, k := range h.Skills {
		fmt.Fprintf(tw, "%s\t", count(k.Count))
	}
	fmt.Fprintf(tw, "%s\t%s\t\t\t\n", count(h.Total), rangeText(h.Lo, h.Hi))
	fmt.Fprintf(tw, "%-37s\t", "90% interval")
	for _, k := range h.Skills {
		fmt.Fprintf(tw, "%s\t", rangeText(k.Lo, k.Hi))
	}
	fmt.Fprintf(tw, "\t\t\t\t\n")
	tw.Flush()

	p("\n  3b. The 90%% interval of each cell.\n\n")
	tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "sector\tskill 1\tskill 2\tskill 3\tskill 4\t\n")
	for _, s := range h.Sectors {
		fmt.Fprintf(tw, "%s\t", s.Code)
		for _, c := range s.Cells {
			fmt.Fprintf(tw, "%s\t", rangeText(c.Lo, c.Hi))
		}
		fmt.Fprintf(tw, "\n")
	}
	tw.Flush()

	writeDestinations(buf, rep.Destinations)
	writeCosts(buf, rep.Costs)
	writeMoney(buf, rep.Money, rep.Settings)
	return nil
}

// writeDestinations writes section 4.
func writeDestinations(buf *bytes.Buffer, d destinations) {
	p := func(format string, a ...any) { fmt.Fprintf(buf, format, a...) }
	p("\n4. WHERE THEY WENT\n\n")
	if d.Note != "" {
		p("  %s.\n", d.Note)
		return
	}
	p("  People who left, by the country where the host countries' data place them. The central figure of each country is\n")
	p("  The Bell's count (July 2024); the other sources' figures set its range. The counts are scaled to the total of section 3:\n")
	p("  shares, not the sources' own numbers, carry over. Definitions differ (settled people, permits, net migration,\n")
	p("  repatriation) and are not additive; a * marks a range whose ends count different things.\n\n")
	tw := tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  country\tpeople\t90%% interval\tshare\tsources' figures: low / central / high\t\n")
	for _, r := range d.Rows {
		figs := func(f *destFigure) string {
			if f == nil {
				return "–"
			}
			return humanCount(f.Value) + " " + cites(f.SourceRefs)
		}
		mark := ""
		if r.MixedDefinitions {
			mark = " *"
		}
		fmt.Fprintf(tw, "  %s %s\t%s\t%s\t%s\t%s / %s / %s%s\t\n", r.Code, r.Name, humanSig(float64(r.Count), 3), rangeText(r.Lo, r.Hi),
			percent(float64(r.Share)), figs(r.Low), figs(&r.Central), figs(r.High), mark)
	}
	tw.Flush()
	if len(d.Rows) > 0 {
		c := d.Rows[0].Central
		p("  Central figures: %s, %s.\n", c.Definition, c.Period)
	}
	p("  Assumption: %s %s\n", d.Assumption, cites(d.AssumptionRefs))

	if len(d.BySector) > 0 {
		p("\n  4a. The largest destinations by sector (people; under the assumption above):\n\n")
		tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "  sector\t")
		for _, b := range d.BySector {
			fmt.Fprintf(tw, "%s\t", b.Code)
		}
		fmt.Fprintf(tw, "\n")
		for i, cell := range d.BySector[0].Sectors {
			fmt.Fprintf(tw, "  %s\t", cell.Code)
			for _, b := range d.BySector {
				fmt.Fprintf(tw, "%s\t", people2(b.Sectors[i].Count))
			}
			fmt.Fprintf(tw, "\n")
		}
		tw.Flush()
	}
	if len(d.Context) > 0 {
		p("\n  Context, not model inputs: people counted in a country may since have moved on or gone home.\n")
		for _, c := range d.Context {
			p("  - %s %s\n", c.Text, cites(c.SourceRefs))
		}
	}
}

// writeCosts writes section 5.
func writeCosts(buf *bytes.Buffer, c costs) {
	p := func(format string, a ...any) { fmt.Fprintf(buf, format, a...) }
	p("\n5. WHAT IT COSTS\n\n")
	if c.Note != "" {
		p("  %s.\n", c.Note)
		return
	}
	p("  A year's output and pay of the people in section 3, in billions of roubles of %d (current prices), on the %s basis %s.\n", c.Year, c.Basis, cites(c.SourceRefs))
	p("  Each cell is a median with its 90%% interval; those who kept working for Russian employers are not counted as lost.\n\n")
	bn := func(f impactFigure) string {
		if f.Point == nil {
			return "–"
		}
		return fmt.Sprintf("%s (%s–%s)", billions(*f.Point), billions(*f.Lo), billions(*f.Hi))
	}
	tw := tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	head := "  sector\tpeople\twage bill lost, ₽bn\tvalue added at risk, ₽bn\t"
	if c.EconomyWide {
		head += "economy-wide, ₽bn\t"
	}
	fmt.Fprintln(tw, head)
	row := func(name string, r costRow) {
		people := "–"
		if r.People.Point != nil {
			people = humanSig(*r.People.Point, 2)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t", name, people, bn(r.WageBill), bn(r.ValueAdded))
		if c.EconomyWide {
			fmt.Fprintf(tw, "%s\t", bn(r.EconomyWide))
		}
		fmt.Fprintln(tw)
	}
	for _, r := range c.Sectors {
		row(r.Code+" "+truncate(r.Title, 36), r)
	}
	row("total", c.Total)
	tw.Flush()
	share := func(f impactFigure) string {
		if f.Point == nil {
			return "–"
		}
		return fmt.Sprintf("%s (90%%: %s–%s)", percent(*f.Point), percent(*f.Lo), percent(*f.Hi))
	}
	p("\n  As a share of %d GDP (₽%strn): wage bill %s, value added %s", c.Year, humanSig(c.GDP/1e12, 3), share(c.ShareOfGDP.WageBill), share(c.ShareOfGDP.ValueAdded))
	if c.EconomyWide {
		p(", economy-wide %s", share(c.ShareOfGDP.EconomyWide))
	}
	p(".\n")
	if c.USDRate != nil {
		p("  In dollars at %s, the CBR rate dated %s (%s) %s: wage bill %s, value added %s", c.USDRate.Rate, c.USDRate.Date, c.USDRate.Basis, cites(c.USDRefs), c.Total.WageBill.USD, c.Total.ValueAdded.USD)
		if c.EconomyWide {
			p(", economy-wide %s", c.Total.EconomyWide.USD)
		}
		p(".\n  A year-end rate, since no average rate for the year is embedded.\n")
	} else if c.USDNote != "" {
		p("  %s.\n", c.USDNote)
	}
	var flags []string
	for _, r := range c.Sectors {
		if r.Flag != "" {
			flags = append(flags, r.Code+": "+r.Flag)
		}
	}
	if len(flags) > 0 {
		p("  Flags:\n")
		for _, f := range flags {
			p("  - %s\n", f)
		}
	}
	p("\n  Method and caveats. %s\n", c.Method)
	for _, n := range c.Notes {
		p("  - %s\n", n)
	}
	if len(c.Context) > 0 {
		p("\n  Staff shortages, for context (not model inputs):\n")
		for _, x := range c.Context {
			p("  - %s %s\n", x.Text, cites(x.SourceRefs))
		}
	}
}

// writeMoney writes section 4.
func writeMoney(buf *bytes.Buffer, m money, st settings) {
	p := func(format string, a ...any) { fmt.Fprintf(buf, format, a...) }
	p("\n6. THE MONEY\n\n")
	p("  Input: %s (%s), %s %s.\n\n", m.Compact, m.Amount, m.What, cites(m.SourceRefs))
	from := "official"
	if st.Rates != "embedded" {
		from = "the file's"
	}
	p("  At the average %s rates of %s to %s, %s:\n", from, m.Period.Start, m.Period.End, m.Weighting)
	tw := tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	var missing []string
	for _, c := range m.Average {
		if c.Amount == nil {
			missing = append(missing, c.Currency+": "+c.Note)
			continue
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\tat %s, average of %d days (%s)\t%s\t\n", c.Currency, c.Compact, c.Amount, c.Rate, c.Days, c.Basis, cites(c.SourceRefs))
	}
	tw.Flush()
	for _, n := range missing {
		p("    %s\n", n)
	}
	p("  The rates in force during the month ranged from:\n")
	tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	for _, c := range m.Average {
		if c.Amount == nil {
			continue
		}
		fmt.Fprintf(tw, "    %s\t%s\tat %s dated %s (%s)\tto %s\tat %s dated %s (%s)\t\n", c.Currency,
			c.High.Compact, c.High.Rate, c.High.Date, c.High.Basis, c.Low.Compact, c.Low.Rate, c.Low.Date, c.Low.Basis)
	}
	tw.Flush()
	p("  Basis: official is the CBR's own file or export; reported is the CBR's rate known from copies, not from a CBR file.\n")

	if len(m.Article) > 0 {
		p("\n  The article's figures, and two readings that fit them (our inference; the article does not say which rates it used):\n")
		tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "    \tprinted\tat February 2022's average\tdifference\trate the printed figure implies (derived)\t\n")
		for _, a := range m.Article {
			fmt.Fprintf(tw, "    %s\t%s\t%s\t%+.1f%%\t%s %s\t\n", a.Currency, a.Printed, a.AtAverage, 100*a.Difference, a.Implied, cites(a.SourceRefs))
		}
		tw.Flush()
		worst := 0.0
		for _, a := range m.Article {
			worst = max(worst, math.Abs(a.Difference))
		}
		p("  Reading 1: the month of the withdrawal. February 2022's average rates give figures within %.1f%% of those printed.\n", 100*worst)
		p("  Reading 2: the time of writing. The implied rates are close to the CBR's rates of late May to early June 2023,\n")
		p("  when the article's source was written %s.\n", cites(m.Article[0].SourceRefs))
	}

	if len(m.Day) > 0 {
		if st.Rates != "embedded" {
			p("\n  At the rates of %s in force on %s; each line gives its rate's own date:\n", st.Rates, m.Day[0].On)
		} else {
			p("\n  At the rates in force on %s (-date); each line gives its rate's own date:\n", m.Day[0].On)
		}
		tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
		for _, d := range m.Day {
			if d.Amount == nil {
				fmt.Fprintf(tw, "    %s\t%s\t\n", d.Currency, d.Note)
				continue
			}
			age := ""
			if d.Age > 0 {
				age = fmt.Sprintf(", %d days before %s", d.Age, d.On)
			}
			fmt.Fprintf(tw, "    %s\t%s\t%s\tat %s dated %s (%s%s)\t%s\t\n", d.Currency, d.Compact, d.Amount, d.Rate, d.RateDate, d.Basis, age, cites(d.SourceRefs))
		}
		tw.Flush()
	}
}

// cites formats source ids as "[1][3]".
func cites(ids []int) string {
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "[%d]", id)
	}
	return b.String()
}

// pValue writes "p = 0.193" or "p < 0.001".
func pValue(p float64) string {
	if p < 0.001 {
		return "p < 0.001"
	}
	return "p = " + strconv.FormatFloat(p, 'f', 3, 64)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// trimTrailingSpace removes the padding tabwriter leaves at line ends.
func trimTrailingSpace(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	return bytes.Join(lines, []byte("\n"))
}

// writeSummary writes the assumptions (inputs, with their sources) and the
// findings (outputs), each pointing to its section.
func writeSummary(buf *bytes.Buffer, rep *report) {
	p := func(format string, a ...any) { fmt.Fprintf(buf, format, a...) }
	p("\nIN SHORT\n\n")
	if rep.Settings.Workforce != "embedded" {
		p("  Sections 2 and 6 are the article's figures for Russia; section 3 uses the employment in %s.\n\n", rep.Settings.Workforce)
	}
	p("  Assumptions (inputs, with their sources):\n")
	for _, a := range rep.Summary.Assumptions {
		p("  - %s%s (section %d).\n", a.Text, spaced(cites(a.SourceRefs)), a.Section)
	}
	p("\n  Findings (computed by exodus from the inputs):\n")
	for _, f := range rep.Summary.Findings {
		p("  - %s (section %d).\n", f.Text, f.Section)
	}
}

// spaced puts a space before s when it is not empty.
func spaced(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}

// reliabilityMarks are the marks that package finance's rate sources carry
// in their Note, with what each means (finance/data/rates.json).
var reliabilityMarks = []struct{ mark, meaning string }{
	{"[OFF]", "official file, as published"},
	{"[REPORTED]", "the CBR's official rate known from copies, not from a CBR file"},
	{"[NEWS]", "a news report quoting the official rate"},
	{"[FIX]", "found only in a public repository's test fixture built from a real CBR response"},
	{"[OUTPUT]", "printed by a public notebook that read the CBR service"},
	{"[DERIVED]", "computed by the exodus authors, not official"},
}

func pooledCount(e emigrants) int {
	n := 0
	for _, f := range e.Estimates {
		if f.Pooled {
			n++
		}
	}
	return n
}

// billions writes roubles as billions to two significant digits, with
// thousands separators rather than a k suffix: 8.4, 670, 1,300.
func billions(v float64) string {
	b := v / 1e9
	if math.Abs(b) >= 1000 {
		return commas(int64(roundSig(b, 2)))
	}
	return humanSig(b, 2)
}
