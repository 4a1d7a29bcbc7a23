package main

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// The composition assumptions, from the surveys of emigrants.
const (
	// highMean: the share in high-skill jobs (ILO levels 3–4), from "80% hold
	// a university degree" (OutRush; IFRI).
	highMean = 0.80
	// highConcentration is the Dirichlet concentration that gives the high
	// band a 90% interval of about 75%–85%: Beta(0.8c, 0.2c) has SD
	// sqrt(0.16/(c+1)) = 0.05/1.645 at c = 172 (hand calculation).
	highConcentration = 172
)

func buildHeadcounts(ctx context.Context, rep *report, src *sourceList, cfg config, in inputs,
	pooled estimate.Estimate, progress func(done, total int)) (*workforce.Headcount, error) {
	sc := workforce.Scenario{
		Workforce: in.workforce,
		Level:     level,
		MonteCarlo: estimate.Options{
			Draws:    cfg.draws,
			Seed:     cfg.seed,
			Progress: progress,
		},
	}
	h := &rep.Headcounts
	switch {
	case cfg.total != nil:
		e, err := spanEstimate(*cfg.total, estimate.Between)
		if err != nil {
			return nil, fmt.Errorf("-total: %w", err)
		}
		sc.Total = e.Named("-total")
		if e.IsPoint() {
			h.Basis = "the number given with -total: " + commas(int64(math.Round(e.Median())))
		} else {
			h.Basis = "the number given with -total: " + e.String()
		}
	case cfg.share != nil:
		e, err := spanEstimate(*cfg.share, estimate.ShareBetween)
		if err != nil {
			return nil, fmt.Errorf("-share: %w", err)
		}
		sc.Share = e.Named("-share")
		// Echo the flag as given: "1.25%-1.75%" printed as "1.2%–1.8%"
		// would read as another input (issue 14 §8).
		h.Basis = "the share given with -share " + cfg.share.text
		if !e.IsPoint() {
			h.Basis += " (a 90% interval)"
		}
		h.Basis += " of the labour force"
		if in.workforce != nil {
			// Another country's data: its employment is the base.
			base, err := estimate.Point(total(in.workforce))
			if err != nil {
				return nil, err
			}
			sc.Base = base.Named("employment in " + in.employment)
			h.Basis += " (taken as total employment in " + in.employment + ")"
		}
	default:
		sc.Total = pooled
		h.Basis = "the pooled estimate (" + estimate.LinearPool.String() + "): " + pooled.String()
	}

	wf := in.workforce
	if wf == nil {
		var err error
		if wf, err = workforce.DefaultWorkforce(workforce.DefaultYear); err != nil {
			return nil, err
		}
	}
	if in.workforce != nil {
		// The surveys describe emigrants from Russia: they are not applied to
		// another country's data.
		h.Assumptions = append(h.Assumptions, assumption{
			Text: "Emigrants come from each sector and skill level in proportion to the employment in " + in.employment +
				": the survey compositions exodus embeds (IT workers, graduates) describe emigrants from Russia and are not applied to other data.",
		})
	} else if err := surveyComposition(&sc, h, src, wf); err != nil {
		return nil, err
	}

	h.Assumptions = append(h.Assumptions, assumption{
		Text: "Everyone who left is placed in a job of some sector: the estimates count people, not workers, and no source " +
			"gives the share of emigrants who were employed. Children, students, retirees and the unemployed among them " +
			"make the figures below overstate the workers who left.",
	})

	// The other mapping of IT workers first, so that its draws are freed
	// before the main run keeps its own: the peak memory is one run's, not
	// two (issue 12 §5). Its error, if any, comes after the main run's.
	var alt itMappingRow
	var altErr error
	if in.workforce == nil {
		alt, altErr = itMapping(ctx, sc)
		runtime.GC()
	}
	setDestinations(&sc, in)
	hc, err := workforce.NewHeadcount(ctx, sc)
	var destErr error
	if err != nil && destinationsSkipped(err) {
		// The total is too small for the host countries' counts: the
		// table by sector stands, without destinations.
		destErr = err
		sc.Destinations = workforce.DestinationMix{}
		hc, err = workforce.NewHeadcount(ctx, sc)
	}
	if err != nil {
		if in.workforce != nil {
			return nil, fmt.Errorf("-workforce %s: %w", in.employment, err)
		}
		return nil, err
	}
	src.cite(hc.Sources()...)
	h.table = hc
	h.Total = hc.Total().N
	// Intervals as the library prints them: whole people enclosing the count.
	h.Lo, h.Hi = floats(hc.Total().Range())
	h.Notes = hc.Notes()
	for _, k := range workforce.SkillLevels() {
		lo, hi := floats(hc.BySkill(k).Range())
		h.Skills = append(h.Skills, skillRow{Level: k, Count: hc.BySkill(k).N, Lo: lo, Hi: hi})
	}
	for _, s := range hc.Sectors() {
		sc := hc.BySector(s)
		lo, hi := floats(sc.Range())
		w := sc.Workforce
		row := sectorRow{
			Code: s.String(), Title: s.Title(), Count: sc.N, Lo: lo, Hi: hi,
			Workforce: w, Share: number(sc.Share()), ShareLo: number(lo / w), ShareHi: number(hi / w),
		}
		for _, k := range workforce.SkillLevels() {
			c := hc.Cell(s, k)
			clo, chi := floats(c.Range())
			// A cell's share is of its sector's workforce, as in the table.
			row.Cells = append(row.Cells, cell{Level: k, Count: c.N, Lo: clo, Hi: chi, Share: number(float64(c.N) / w)})
		}
		h.Sectors = append(h.Sectors, row)
		if s == workforce.Information && in.workforce == nil { // a figure for Russia only
			h.Comparisons = append(h.Comparisons, assumption{
				Text: fmt.Sprintf("Russia's Ministry of Digital Development put the IT specialists who left in 2022 and were abroad at about 100,000, "+
					"about 10%% of IT companies' staff; this table has %s (90%%: %s) people (%.1f%% of its workforce; 90%%: %.1f%%–%.1f%%) from information and communication (J), "+
					"a section wider than IT that also holds publishing, broadcasting and telecoms.",
					humanSig(float64(row.Count), 3), rangeText(row.Lo, row.Hi), 100*row.Share, 100*row.ShareLo, 100*row.ShareHi),
				SourceRefs: src.cite(srcMinTsifry),
			})
		}
	}
	if in.workforce == nil {
		if altErr != nil {
			return nil, altErr
		}
		h.ITMappings = []itMappingRow{itRow("all IT workers in J", hc), alt}
	}
	h.Findings = headcountFindings(h, hc)
	buildDestinations(rep, src, hc, in, destErr)
	return hc, nil
}

// itMapping runs the scenario with the IT workers spread over the
// sections that employ ICT professionals and returns section J's row: how
// much the occupation-to-industry assumption moves it, beside the row of
// the main run ("all IT workers in J").
func itMapping(ctx context.Context, sc workforce.Scenario) (itMappingRow, error) {
	sc.ITMapping = workforce.ITInICTSections
	sc.Destinations = workforce.DestinationMix{}
	sc.MonteCarlo.Progress = nil
	alt, err := workforce.NewHeadcount(ctx, sc)
	if err != nil {
		return itMappingRow{}, fmt.Errorf("IT workers in the ICT sections: %w", err)
	}
	var codes []string
	for _, s := range workforce.ICTSections() {
		codes = append(codes, s.String())
	}
	return itRow("IT workers spread over "+strings.Join(codes, ", ")+" by their high-skill employment", alt), nil
}

// itRow is section J's row of the IT mappings in x.
func itRow(name string, x *workforce.Headcount) itMappingRow {
	j := workforce.Information
	lo, hi := floats(x.BySector(j).Range())
	return itMappingRow{Mapping: name, Count: x.BySector(j).N, Lo: lo, Hi: hi, Share: number(x.BySector(j).Share())}
}

// headcountFindings states what the table shows that is not an input: shares
// of the workforce, which sections lose most relative to their size, and how
// much the IT mapping moves section J.
func headcountFindings(h *headcounts, hc *workforce.Headcount) []string {
	var out []string
	wf := hc.Workforce()
	if wf == nil || hc.Total().N == 0 {
		return out
	}
	emp := wf.Total()
	out = append(out, fmt.Sprintf("The %s who left equal %s (90%%: %s–%s) of the %s employed",
		humanSig(float64(h.Total), 3), percent(float64(h.Total)/emp), percent(h.Lo/emp), percent(h.Hi/emp), humanCount(emp)))
	rows := slices.Clone(h.Sectors)
	slices.SortStableFunc(rows, func(a, b sectorRow) int { return cmp.Compare(float64(b.Share), float64(a.Share)) })
	var top []string
	for _, r := range rows[:min(3, len(rows))] {
		top = append(top, fmt.Sprintf("%s %s (%s)", r.Code, strings.ToLower(r.Title[:1])+r.Title[1:], percent(float64(r.Share))))
	}
	out = append(out, "Relative to their workforce, "+strings.Join(top, ", ")+
		" lost the most; the ranking follows from the surveys' sector shares and the size of each section")
	if len(h.ITMappings) == 2 {
		a, b := h.ITMappings[0], h.ITMappings[1]
		out = append(out, fmt.Sprintf("Section J holds %s (90%%: %s) people, %s of its workforce, with %s; %s (90%%: %s), %s, with %s",
			humanSig(float64(a.Count), 3), rangeText(a.Lo, a.Hi), percent(float64(a.Share)), a.Mapping,
			humanSig(float64(b.Count), 3), rangeText(b.Lo, b.Hi), percent(float64(b.Share)), b.Mapping))
	}
	cols := wf.ColTotals()
	if len(cols) == workforce.NumSkillLevels {
		var high int64
		for _, k := range h.Skills {
			if k.Level >= workforce.Skill3 {
				high += k.Count
			}
		}
		highWF := cols[2] + cols[3]
		out = append(out, fmt.Sprintf("The %s at skill levels 3–4 are %s of the %s employed at those levels", humanSig(float64(high), 3), percent(float64(high)/highWF), humanCount(highWF)))
	}
	return out
}

// floats converts a whole-number range for the report's float fields.
func floats(lo, hi int64) (float64, float64) { return float64(lo), float64(hi) }

// spanEstimate turns a command-line span into a point or a 90% interval.
func spanEstimate(s span, between func(lo, hi float64) (estimate.Estimate, error)) (estimate.Estimate, error) {
	if s.isPoint() {
		return estimate.Point(s.lo)
	}
	return between(s.lo, s.hi)
}

func total(t *workforce.Table) float64 {
	var sum float64
	for _, v := range t.RowTotals() {
		sum += v
	}
	return sum
}

// surveyComposition sets the emigrants' composition from the surveys of
// emigrants from Russia: IT workers (section J) and graduates (high skill).
func surveyComposition(sc *workforce.Scenario, h *headcounts, src *sourceList, wf *workforce.Table) error {
	// The sector profile of emigrants from the surveys (issue 10 §3): each
	// part is stated as data or as an assumption, with its sources.
	prof := workforce.DefaultSectorProfile()
	sc.Profile = prof
	sc.ITMapping = workforce.ITInInformation
	for _, part := range prof.Parts() {
		kind := "data"
		if part.Assumption {
			kind = "assumption"
		}
		text := fmt.Sprintf("Sector profile, %s (%s): %s", part.Name, kind, part.Share)
		if len(part.Sectors) > 0 {
			codes := make([]string, len(part.Sectors))
			for i, s := range part.Sectors {
				codes[i] = s.String()
			}
			text += " in " + strings.Join(codes, ", ")
		}
		text += "; " + part.Basis + "."
		if part.Name == "IT workers" {
			text += " Here all IT workers are put in J; section 3 shows the other mapping."
		}
		h.Assumptions = append(h.Assumptions, assumption{Text: text, SourceRefs: src.cite(part.Sources...)})
	}
	bands, err := wf.Bands()
	if err != nil {
		return err
	}
	bt := bands.ColTotals() // low, medium, high
	lowMed := bt[0] + bt[1]
	mean := []float64{(1 - highMean) * bt[0] / lowMed, (1 - highMean) * bt[1] / lowMed, highMean}
	comp, err := estimate.DirichletMean(mean, highConcentration)
	if err != nil {
		return err
	}
	sc.Bands = comp.Named("80% high skill (90%: about 75%–85%), the other 20% low and medium").WithSources(srcOutRush)
	h.Assumptions = append(h.Assumptions, assumption{
		Text: "About 80% of emigrants from Russia hold a university degree; read as 80% (90%: about 75%–85%) in high-skill jobs (ILO skill levels 3–4). " +
			"The other 20% split between low and medium skill as in the workforce. Graduates working below their level would make this an overstatement.",
		SourceRefs: src.cite(srcOutRush),
	})
	return nil
}
