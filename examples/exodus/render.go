package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/exodus-lab/exodus/finance"
	"github.com/exodus-lab/exodus/workforce"
)

// render writes the report in format: text, csv or json.
func render(rep *report, format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(rep)
	case "csv":
		err = writeCSV(&buf, rep)
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
func writeCSV(buf *bytes.Buffer, rep *report) error {
	return rep.Headcounts.table.WriteCSV(buf)
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
	tw := tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  source\tclaim\tread as: median (90%% interval)\tpool weight\t\n")
	for _, f := range e.Estimates {
		weight := "not pooled"
		if f.Pooled {
			weight = strconv.FormatFloat(f.Weight, 'f', 2, 64)
		}
		fmt.Fprintf(tw, "  %s %s\t%s\t%s\t%s\t\n", f.Name, cites(f.SourceRefs), f.Claim, f.Text, weight)
	}
	tw.Flush()
	p("  Each range is read as a central 90%% interval of a lognormal distribution.\n")
	for _, f := range e.Estimates {
		if f.Note != "" {
			p("  %s: %s.\n", f.Name, f.Note)
		}
	}
	p("\n  Pooled (%s): %s\n", e.Pooled.Method, e.Pooled.Text)
	for _, a := range e.Alternatives {
		p("    the same sources by the %s: %s\n", a.Method, a.Text)
	}
	ag := e.Agreement
	p("  Agreement (log space): Cochran's Q = %.1f on %d df (p = %s), I² = %.0f%%", ag.Q, ag.DF, pValue(float64(ag.P)), 100*ag.I2)
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
	if h.Lo == h.Hi {
		p("  %s people, a fixed figure: %s.\n", commas(h.Total), h.Basis)
	} else {
		p("  %s people (90%%: %s), from %s.\n", commas(h.Total), rangeText(h.Lo, h.Hi), h.Basis)
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
	p("  How the table was made:\n")
	for _, n := range h.Notes {
		p("  - %s\n", n)
	}

	p("\n  3a. People who left, by sector and ILO skill level. Whole people: every row, column and total adds up exactly.\n")
	p("  Skill levels (ISCO-08 major groups): 1 elementary occupations (9); 2 clerks, service and sales, skilled agricultural,\n")
	p("  craft and machine workers (4–8); 3 technicians and associate professionals (3); 4 professionals (2). Managers (1)\n")
	p("  are split evenly between levels 3 and 4, armed forces (0), where the data have them, evenly between 1, 2 and 4.\n")
	p("  Intervals of people are to two significant digits; below 100 people, rounded outward to whole people.\n\n")
	tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-37s\tskill 1\tskill 2\tskill 3\tskill 4\ttotal\t90%% interval\tworkforce\tshare left (90%%)\t\n", "sector")
	for _, s := range h.Sectors {
		fmt.Fprintf(tw, "%s %-35s\t", s.Code, shortTitle(s.Code, s.Title))
		for _, c := range s.Cells {
			fmt.Fprintf(tw, "%s\t", commas(c.Count))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", commas(s.Count), rangeText(s.Lo, s.Hi), humanCount(s.Workforce), shareText(float64(s.Share), float64(s.ShareLo), float64(s.ShareHi)))
	}
	fmt.Fprintf(tw, "%-37s\t", "total")
	for _, k := range h.Skills {
		fmt.Fprintf(tw, "%s\t", commas(k.Count))
	}
	fmt.Fprintf(tw, "%s\t%s\t\t\t\n", commas(h.Total), rangeText(h.Lo, h.Hi))
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

	m := rep.Money
	p("\n4. THE MONEY\n\n")
	p("  %s (%s): the fall in household funds in Russian banks in February 2022 %s.\n\n", m.Compact, m.Amount, cites(m.SourceRefs))
	for _, basis := range []string{"official", "article"} {
		if basis == "official" {
			if rep.Settings.Rates != "embedded" {
				p("  At the rates of %s in force on %s", rep.Settings.Rates, rep.Settings.Date)
			} else {
				p("  At the official rates in force on %s", rep.Settings.Date)
			}
			if rep.Settings.Date == defaultDate && rep.Settings.Rates == "embedded" {
				p(", the first day after the invasion of 24 February 2022\n  for which official rates of all four currencies are embedded")
			}
			p(":\n")
		} else {
			p("\n  At the rates the article implies:\n")
		}
		tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
		var missing []string
		for _, c := range m.Conversions {
			switch {
			case c.Basis != basis:
			case c.Exact == "":
				missing = append(missing, c.Currency+": "+c.Note)
			default:
				fmt.Fprintf(tw, "    %s\t%s\t%s\tat %s dated %s %s\t\n", c.Currency, c.Compact, c.Exact, c.Rate, c.RateDate, cites(c.SourceRefs))
			}
		}
		tw.Flush()
		for _, n := range missing {
			p("    %s\n", n)
		}
	}
	if len(m.USDPath) > 0 {
		p("\n  The dollar figure at each official USD rate at hand from %s to %s (the rates found, not every day):\n",
			pathFrom.Format("2 Jan 2006"), pathTo.Format("2 Jan 2006"))
		tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
		for _, c := range m.USDPath {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.RateDate, c.Rate, c.Compact, cites(c.SourceRefs))
		}
		tw.Flush()
	}
	p("\n  The article's \"£12bn / $15bn\" implies 100 RUB/GBP and 80 RUB/USD: rates of about June 2023, when it was written,\n")
	p("  not of February–March 2022, when the money left %s.\n", cites(articleRefs(m)))
	return nil
}

// cites formats source ids as "[1][3]".
func cites(ids []int) string {
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "[%d]", id)
	}
	return b.String()
}

func pValue(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
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

// writeSummary writes the headline findings, each pointing to its section.
func writeSummary(buf *bytes.Buffer, rep *report) {
	p := func(format string, a ...any) { fmt.Fprintf(buf, format, a...) }
	e, h := rep.Emigrants, rep.Headcounts
	p("\nIN SHORT\n\n")
	if rep.Settings.Workforce != "embedded" {
		p("  Sections 2 and 4 are the article's figures for Russia; section 3 uses the employment in %s.\n", rep.Settings.Workforce)
	}
	p("  - About %s people left, pooling %d sources by the %s (section 2).\n", e.Pooled.Text, pooledCount(e), e.Pooled.Method)
	p("    Between the sources: %s.\n", e.Agreement.Verdict)
	where := "inside"
	if m := e.CrossCheck.People.Median; m < e.Pooled.Lo || m > e.Pooled.Hi {
		where = "outside"
	}
	p("  - Alfa Bank's \"1.5%% of the workforce\" would be %s people, %s the pooled interval (section 2).\n",
		e.CrossCheck.People.Text, where)
	if len(h.Sectors) > 0 {
		top := h.Sectors[0]
		for _, s := range h.Sectors[1:] {
			if s.Share > top.Share {
				top = s
			}
		}
		var high int64
		for _, k := range h.Skills {
			if k.Level >= workforce.Skill3 {
				high += k.Count
			}
		}
		if rep.Settings.Workforce != "embedded" || !strings.HasPrefix(h.Basis, "the pooled estimate") {
			p("  - Section 3 takes %s", h.Basis)
			if wf := rep.Settings.Workforce; wf != "embedded" && !strings.Contains(h.Basis, wf) {
				p(", on the employment in %s", wf)
			}
			p(".\n")
		}
		p("  - %s (%s) lost the largest share of its workforce: %s people, %s (90%%: %s–%s) (section 3).\n",
			top.Title, top.Code, commas(top.Count), percent(float64(top.Share)), percent(float64(top.ShareLo)), percent(float64(top.ShareHi)))
		if h.Total > 0 {
			p("    %s of the %s who left (%.0f%%) worked at high skill levels 3–4, as the surveys' 80%% with a degree implies (section 3).\n",
				commas(high), commas(h.Total), 100*float64(high)/float64(h.Total))
		}
	}
	var official, article []string
	for _, c := range rep.Money.Conversions {
		if c.Exact == "" || (c.Currency != "USD" && c.Currency != "GBP") {
			continue
		}
		if c.Basis == "official" {
			official = append(official, c.Compact)
		} else {
			article = append(article, c.Compact)
		}
	}
	p("  - %s was %s at the official rates of %s, not the article's %s,\n", rep.Money.Compact,
		strings.Join(official, " / "), rep.Settings.Date, strings.Join(article, " / "))
	p("    which uses rates of about June 2023 (section 4).\n")
	if lo, hi, ok := extremes(rep.Money.USDPath); ok {
		when := func(c conversion) string {
			if c.RateDate < invasionDay.Format(time.DateOnly) {
				return c.RateDate + ", before the invasion"
			}
			return c.RateDate
		}
		p("    At the official USD rates at hand for %s–%s it was %s (rate of %s) to %s (rate of %s) (section 4).\n",
			pathFrom.Format("Jan"), pathTo.Format("Jan 2006"), lo.Compact, when(lo), hi.Compact, when(hi))
	}
}

// extremes returns the smallest and largest of two or more conversions.
func extremes(cs []conversion) (lo, hi conversion, ok bool) {
	var loA, hiA finance.Amount
	for _, c := range cs {
		a, err := finance.ParseAmount(c.Exact)
		if err != nil {
			return conversion{}, conversion{}, false
		}
		if loA.IsZero() {
			lo, hi, loA, hiA = c, c, a, a
			continue
		}
		if d, err := a.Cmp(loA); err == nil && d < 0 {
			lo, loA = c, a
		}
		if d, err := a.Cmp(hiA); err == nil && d > 0 {
			hi, hiA = c, a
		}
	}
	return lo, hi, len(cs) > 1
}

// reliabilityMarks are the marks that package finance's rate sources carry
// in their Note, with what each means (finance/data/rates.json).
var reliabilityMarks = []struct{ mark, meaning string }{
	{"[OFF]", "official file, as published"},
	{"[NEWS]", "a news report quoting the official rate"},
	{"[FIX]", "found only in a public repository's test fixture built from a real CBR response"},
	{"[OUTPUT]", "printed by a public notebook that read the CBR service"},
	{"[DERIVED]", "computed by the exodus authors, not official"},
}

// articleRefs are the sources of the article's implied rates.
func articleRefs(m money) []int {
	for _, c := range m.Conversions {
		if c.Basis == "article" && len(c.SourceRefs) > 0 {
			return c.SourceRefs
		}
	}
	return nil
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
