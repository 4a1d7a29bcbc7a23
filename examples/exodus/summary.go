package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/exodus-lab/exodus/workforce"
)

// buildSummary states, in a few lines, the assumptions (inputs, each with
// its sources) and the findings (outputs computed from them), each pointing
// to its section. No finding restates an input.
func buildSummary(rep *report, src *sourceList, in inputs) {
	s := &rep.Summary
	e, h, d, c, m := rep.Emigrants, rep.Headcounts, rep.Destinations, rep.Costs, rep.Money
	add := func(text string, section int, refs []int) {
		s.Assumptions = append(s.Assumptions, summaryLine{Text: text, Section: section, SourceRefs: refs})
	}
	find := func(text string, section int) {
		s.Findings = append(s.Findings, summaryLine{Text: text, Section: section})
	}

	var pooled []string
	var refs []int
	for _, f := range e.Estimates {
		if f.Pooled {
			pooled = append(pooled, fmt.Sprintf("%s (%s, %s)", f.Name, f.Claim, f.Period))
			refs = append(refs, f.SourceRefs...)
		}
	}
	add(fmt.Sprintf("How many: only estimates of one quantity are pooled, %s: %s, each read as a 90%% interval",
		e.Quantity, strings.Join(pooled, "; ")), 2, refs)
	if !strings.HasPrefix(h.Basis, "the pooled estimate") {
		add("Section 3 takes "+h.Basis+" instead of the pooled estimate", 3, nil)
	}
	if in.workforce == nil {
		prof := workforce.DefaultSectorProfile()
		add("Who: IT workers are 27%–45% of emigrants (surveys), an occupation share put in section J; arts (R), education (P), "+
			"office work (K, M, N) and media (J) at most their shares in one survey; everyone else in proportion to "+
			"degree-holding employment (an assumption)", 3, src.cite(prof.Sources()...))
		add("Skill: about 80% of emigrants hold a degree, read as 80% (90%: about 75%–85%) in high-skill jobs (ILO levels 3–4)", 3,
			src.cite(srcOutRush))
	} else {
		add("Who: emigrants come from each sector and skill level in proportion to the employment in "+in.employment, 3, nil)
	}
	add("Everyone who left is placed in a job (an assumption: the sources count people, not workers)", 3, nil)
	if d.Note == "" && len(d.Rows) > 0 {
		add("Where: the host countries' counts compiled by The Bell (July 2024), with other sources' figures as ranges, "+
			"scaled to the total; the same sector mix in every destination (an assumption)", 4, d.Rows[0].Central.SourceRefs)
	}
	if c.Note == "" {
		add(fmt.Sprintf("Cost: Rosstat's %d wages and value added per worker by section; 13%%–25%% kept working for Russian employers; "+
			"the 2019 input–output table's multipliers", c.Year), 5, c.SourceRefs)
	}
	add(fmt.Sprintf("Money: %s, %s", m.Compact, m.What), 6, m.SourceRefs)

	find(fmt.Sprintf("About %s people left, the %s of %d estimates; %s", e.Pooled.Text, e.Pooled.Method, pooledCount(e), e.Agreement.Verdict), 2)
	where := "inside"
	if md := e.CrossCheck.People.Median; md < e.Pooled.Lo || md > e.Pooled.Hi {
		where = "outside"
	}
	find(fmt.Sprintf("Alfa Bank's \"1.5%% of the workforce\" would be %s people, %s the pooled interval", e.CrossCheck.People.Text, where), 2)
	for _, f := range h.Findings {
		find(f, 3)
	}
	if c.Note == "" && c.Total.ValueAdded.Point != nil {
		v := c.Total.ValueAdded
		text := fmt.Sprintf("The departures put ₽%strn (90%%: ₽%strn–₽%strn) of value added at risk in a year, %s of %d GDP",
			humanSig(*v.Point/1e12, 2), humanSig(*v.Lo/1e12, 2), humanSig(*v.Hi/1e12, 2), percent(*c.ShareOfGDP.ValueAdded.Point), c.Year)
		if v.USD != "" {
			text += " (" + v.USD + " at the year-end rate)"
		}
		if j, ok := sectorCost(c, workforce.Information); ok && j.ValueAdded.Point != nil {
			text += fmt.Sprintf("; section J is %.0f%% of it", 100**j.ValueAdded.Point / *v.Point)
		}
		find(text, 5)
	}
	var avg, spread []string
	for _, x := range m.Average {
		if x.Amount == nil || (x.Currency != "USD" && x.Currency != "GBP") {
			continue
		}
		avg = append(avg, x.Compact)
		spread = append(spread, x.High.Compact+"–"+x.Low.Compact)
	}
	if len(avg) > 0 {
		find(fmt.Sprintf("%s was %s at February 2022's average rates, the month it left the banks; %s at the rates of single days of that month",
			m.Compact, strings.Join(avg, " / "), strings.Join(spread, " / ")), 6)
	}
	if len(m.Article) > 0 {
		var printed []string
		worst := 0.0
		for _, a := range m.Article {
			printed = append(printed, a.Printed)
			worst = math.Max(worst, math.Abs(a.Difference))
		}
		find(fmt.Sprintf("The article's %s is within %.1f%% of the amounts at February 2022's average rates, and the rates it implies are close to those of about June 2023; "+
			"which it used is our inference, not stated", strings.Join(printed, " / "), 100*worst), 6)
	}
}

func sectorCost(c costs, s workforce.Sector) (costRow, bool) {
	for _, r := range c.Sectors {
		if r.Code == s.String() {
			return r, true
		}
	}
	return costRow{}, false
}
