package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
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

// writeCSV writes the headcount table, one row per sector and skill level.
// Columns: sector, sector_title, skill_level, count, lo90, hi90,
// sector_workforce, share_of_sector_workforce.
func writeCSV(buf *bytes.Buffer, rep *report) error {
	w := csv.NewWriter(buf)
	_ = w.Write([]string{"sector", "sector_title", "skill_level", "count", "lo90", "hi90", "sector_workforce", "share_of_sector_workforce"})
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	for _, s := range rep.Headcounts.Sectors {
		for _, c := range s.Cells {
			_ = w.Write([]string{s.Code, s.Title, strconv.Itoa(c.Level), strconv.FormatInt(c.Count, 10),
				f(c.Lo), f(c.Hi), f(s.Workforce), strconv.FormatFloat(c.Share, 'g', 6, 64)})
		}
	}
	w.Flush()
	return w.Error()
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
	p("  Agreement (log space): Cochran's Q = %.1f on %d df (p = %s), I² = %.0f%%", ag.Q, ag.DF, pValue(ag.P), 100*ag.I2)
	if len(ag.Disjoint) > 0 {
		var pairs []string
		for _, d := range ag.Disjoint {
			pairs = append(pairs, e.Estimates[d[0]].Name+" / "+e.Estimates[d[1]].Name)
		}
		p("; 90%% intervals that do not overlap: %s", strings.Join(pairs, "; "))
	}
	p(".\n  So %s.\n", ag.Verdict)
	cc := e.CrossCheck
	p("\n  Cross-check: Alfa Bank's \"about 1.5%% of the workforce\" %s, %s,\n", cites(cc.Share.SourceRefs), cc.Share.Reading)
	p("  of a labour force of %s %s: %s people.\n", humanCount(cc.Base), cites(cc.BaseRefs), cc.People.Text)

	h := rep.Headcounts
	p("\n3. WHO LEFT\n\n")
	p("  %s people (90%%: %s–%s), from %s.\n", commas(h.Total), humanSig(h.Lo, 2), humanSig(h.Hi, 2), h.Basis)
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
	p("  are split evenly between levels 3 and 4.\n\n")
	tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-36s\tskill 1\tskill 2\tskill 3\tskill 4\ttotal\t90%% interval\tworkforce\tshare left (90%%)\t\n", "sector")
	for _, s := range h.Sectors {
		fmt.Fprintf(tw, "%s %-34s\t", s.Code, truncate(s.Title, 34))
		for _, c := range s.Cells {
			fmt.Fprintf(tw, "%s\t", commas(c.Count))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", commas(s.Count), rangeText(s.Lo, s.Hi), humanCount(s.Workforce), shareText(s.Share, s.ShareLo, s.ShareHi))
	}
	fmt.Fprintf(tw, "%-36s\t", "total")
	for _, k := range h.Skills {
		fmt.Fprintf(tw, "%s\t", commas(k.Count))
	}
	fmt.Fprintf(tw, "%s\t%s\t\t\t\n", commas(h.Total), rangeText(h.Lo, h.Hi))
	fmt.Fprintf(tw, "%-36s\t", "90% interval")
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
	p("  %s (%s) withdrawn from bank accounts %s.\n\n", m.Compact, m.Amount, cites(m.SourceRefs))
	for _, basis := range []string{"official", "article"} {
		if basis == "official" {
			p("  At the official rates in force on %s:\n", rep.Settings.Date)
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
		p("\n  The dollar figure at every official USD rate from %s to %s:\n", pathFrom.Format("2 Jan 2006"), pathTo.Format("2 Jan 2006"))
		tw = tabwriter.NewWriter(buf, 0, 0, 2, ' ', 0)
		for _, c := range m.USDPath {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.RateDate, c.Rate, c.Compact, cites(c.SourceRefs))
		}
		tw.Flush()
	}
	p("\n  The article's \"£12bn / $15bn\" implies 100 RUB/GBP and 80 RUB/USD: rates of about June 2023, when it was written,\n")
	p("  not of February–March 2022, when the money left.\n")
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

// commas writes n with thousands separators: 1,234,567.
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// rangeText writes an interval of people to two significant digits.
func rangeText(lo, hi float64) string {
	return humanSig(lo, 2) + "–" + humanSig(hi, 2)
}

// shareText writes a share with its interval, in percent.
func shareText(v, lo, hi float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.1f%% (%.1f–%.1f%%)", 100*v, 100*lo, 100*hi)
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
	p("  - About %s people left (90%%: %s), pooling %d sources by the %s (section 2).\n",
		humanSig(e.Pooled.Median, 2), rangeText(e.Pooled.Lo, e.Pooled.Hi), pooledCount(e), e.Pooled.Method)
	p("    The sources %s.\n", strings.TrimPrefix(e.Agreement.Verdict, "the sources "))
	p("  - Alfa Bank's \"1.5%% of the workforce\" would be %s people (section 2).\n", e.CrossCheck.People.Text)
	if len(h.Sectors) > 0 {
		top := h.Sectors[0]
		for _, s := range h.Sectors[1:] {
			if s.Share > top.Share {
				top = s
			}
		}
		var high int64
		for _, k := range h.Skills {
			if k.Level >= 3 {
				high += k.Count
			}
		}
		p("  - %s (%s) lost the largest share of its workforce: %s people, %.1f%% (90%%: %.1f%%–%.1f%%) (section 3).\n",
			top.Title, top.Code, commas(top.Count), 100*top.Share, 100*top.ShareLo, 100*top.ShareHi)
		p("    %s of the %s who left worked at high skill levels 3–4 (section 3).\n", commas(high), commas(h.Total))
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
