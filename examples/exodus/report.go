package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// level is the coverage of every interval in the report.
const level = 0.90

// The sources the report adds to those the packages carry. Each figure below
// is quoted from the document named.
var (
	srcArticle = exodus.Source{
		Title: "Decoding the Mass Departure from Russia: Who's Leaving and Where are They Heading?",
		Date:  "2023",
		Note: "the article exodus reproduces; publisher and URL not known. Its text follows BBC News, " +
			`"Why are people leaving Russia, who are they, and where are they going?", June 2023`,
	}
	srcForbesBellRTVi = exodus.Source{
		Publisher: "Forbes, The Bell and RTVi",
		Note:      "as cited by the article: 600,000 to 1 million left in 2022; not found verbatim in public copies",
	}
	srcReRussia = exodus.Source{
		Publisher: "Re:Russia",
		URL:       "https://re-russia.net/en/review/347/",
		Date:      "2023-07-28",
		Note:      "820,000 to 920,000 left after 24 February 2022",
	}
	srcRaksha = exodus.Source{
		Publisher: "Kommersant",
		Title:     "Who does the labor front work for",
		URL:       "https://russiasnews.com/who-does-the-labor-front-work-for-economics-kommersant/",
		Note:      "demographer Alexei Raksha: 450,000 to 800,000 left",
	}
	srcUKMoD = exodus.Source{
		Publisher: "UK Ministry of Defence",
		Title:     "Defence Intelligence update",
		URL:       "https://gospodarka.dziennik.pl/news/artykuly/8710626,brytyjski-wywiad-problem-rosji-gospodarka.html",
		Note:      "up to 1.3 million left Russia in 2022, as reported by dziennik.pl",
	}
	srcAlfa = exodus.Source{
		Publisher: "Alfa Bank",
		Note:      "as cited by the article: about 1.5% of the whole workforce left; the bank's own text was not found",
	}
	srcZOiS = exodus.Source{
		Publisher: "ZOiS, Princeton and Harvard survey of Russian migrants in Georgia and Armenia",
		URL:       "https://zois-berlin.de/en/press/press-releases/how-russians-in-armenia-and-georgia-view-the-war",
		Date:      "2023",
		Note:      "IT workers: 27% in Georgia, 37% in Armenia; face-to-face survey, late 2022",
	}
	srcOKRussians = exodus.Source{
		Publisher: "OK Russians (E. Zavadskaya)",
		URL:       "https://windowoneurasia2.blogspot.com/2022/08/almost-half-of-russians-who-have-moved.html",
		Date:      "2022-08",
		Note:      "over 45% of respondents in IT; 80% in an earlier wave held a degree",
	}
	srcOutRush = exodus.Source{
		Publisher: "OutRush (Kamalov, Sergeeva, Zavadskaya, Kostenko)",
		URL:       "http://warsawpoint.com/news/35292-up-to-300000-people-have-left-russia-following-invasion-of-ukraine.html",
		Date:      "2022",
		Note:      "80% of emigrants hold a university degree",
	}
	srcMinTsifry = exodus.Source{
		Publisher: "Russian Ministry of Digital Development",
		URL:       "https://gospodarka.dziennik.pl/news/artykuly/8710626,brytyjski-wywiad-problem-rosji-gospodarka.html",
		Note:      "as cited in a UK Defence Intelligence update: about 100,000 IT workers, about 10% of the sector, left in 2022 and did not return",
	}
	srcCBRWithdrawal = exodus.Source{
		Publisher: "Central Bank of Russia",
		Title:     "О развитии банковского сектора Российской Федерации (February 2022)",
		URL:       "https://www.nasdaq.com/articles/russian-households-withdrew-over-2-trln-roubles-from-local-banks-in-2022-central-bank",
		Date:      "2022-03-21",
		Note:      "household funds fell by 1.2 trillion roubles (3.5%) in February 2022; reported by Reuters",
	}
)

// sourceList numbers sources in order of first citation.
type sourceList struct{ refs []sourceRef }

func (l *sourceList) cite(srcs ...exodus.Source) []int {
	var ids []int
	for _, s := range srcs {
		i := slices.IndexFunc(l.refs, func(r sourceRef) bool { return r.Source == s })
		if i < 0 {
			l.refs = append(l.refs, sourceRef{ID: len(l.refs) + 1, Source: s})
			i = len(l.refs) - 1
		}
		if id := l.refs[i].ID; !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func buildReport(ctx context.Context, cfg config, in inputs, progress func(done, total int)) (*report, error) {
	var src sourceList
	rep := &report{
		Schema: schemaName,
		Settings: settings{
			Seed: cfg.seed, Draws: cfg.draws, Level: level,
			Date:       cfg.date.Format(time.DateOnly),
			PoolMethod: estimate.LinearPool.String(),
			Rates:      "embedded",
			Workforce:  "embedded",
		},
	}
	if in.ratesFile != "" {
		rep.Settings.Rates = in.ratesFile
	}
	if in.employment != "" {
		rep.Settings.Workforce = in.employment
	}
	src.cite(srcArticle)

	pooled, err := buildEmigrants(rep, &src)
	if err != nil {
		return nil, err
	}
	if err := buildHeadcounts(ctx, rep, &src, cfg, in, pooled, progress); err != nil {
		return nil, err
	}
	if err := buildMoney(rep, &src, cfg, in); err != nil {
		return nil, err
	}
	rep.Sources = src.refs
	// Lists are [] in JSON, never null, whether or not they have items.
	nonNil(&rep.Emigrants.Agreement.Disjoint)
	nonNil(&rep.Emigrants.Alternatives)
	nonNil(&rep.Headcounts.Assumptions)
	nonNil(&rep.Headcounts.Comparisons)
	nonNil(&rep.Headcounts.Notes)
	nonNil(&rep.Money.USDPath)
	return rep, nil
}

// claim is one source's figure for the number who left, read as a 90%
// interval.
type claim struct {
	name    string // who
	words   string // what they said
	lo, hi  float64
	reading string
	src     exodus.Source
}

var claims = []claim{
	{"the article", "several hundred thousand to a few million", 300_000, 3_000_000,
		"a 90% interval of 300,000 to 3,000,000 (lognormal)", srcArticle},
	{"Forbes, The Bell, RTVi", "600,000 to 1 million in 2022", 600_000, 1_000_000,
		"a 90% interval (lognormal)", srcForbesBellRTVi},
	{"Re:Russia", "820,000 to 920,000 after 24 Feb 2022", 820_000, 920_000,
		"a 90% interval (lognormal)", srcReRussia},
	{"A. Raksha", "450,000 to 800,000", 450_000, 800_000,
		"a 90% interval (lognormal)", srcRaksha},
}

func figureOf(e estimate.Estimate) figure {
	lo, hi := e.Interval(level)
	return figure{Name: e.Name(), Median: e.Median(), Lo: lo, Hi: hi, Text: e.String()}
}

func buildEmigrants(rep *report, src *sourceList) (estimate.Estimate, error) {
	var es []estimate.Estimate
	for _, c := range claims {
		e, err := estimate.Between(c.lo, c.hi)
		if err != nil {
			return estimate.Estimate{}, fmt.Errorf("estimate %q: %w", c.name, err)
		}
		e = e.Named(c.name).WithSources(c.src)
		es = append(es, e)
		f := figureOf(e)
		f.Claim, f.Reading, f.Pooled, f.SourceRefs = c.words, c.reading, true, src.cite(c.src)
		rep.Emigrants.Estimates = append(rep.Emigrants.Estimates, f)
	}
	mod, err := estimate.Point(1_300_000)
	if err != nil {
		return estimate.Estimate{}, err
	}
	f := figureOf(mod.Named("UK Ministry of Defence"))
	f.Claim = "up to 1.3 million in 2022"
	f.Reading = "a single figure, an upper bound"
	f.Note = "not pooled, as a single figure with no spread cannot be, and the source gives none"
	f.SourceRefs = src.cite(srcUKMoD)
	rep.Emigrants.Estimates = append(rep.Emigrants.Estimates, f)

	methods := []estimate.PoolMethod{estimate.LinearPool, estimate.LogPool, estimate.InverseVariance}
	var headline estimate.Estimate
	for i, m := range methods {
		p, err := estimate.Pool(m, es...)
		if err != nil {
			return estimate.Estimate{}, fmt.Errorf("pool (%s): %w", m, err)
		}
		p = p.Named("emigrants, pooled (" + m.String() + ")")
		f := figureOf(p)
		f.Method = m.String()
		f.SourceRefs = src.cite(p.Sources()...)
		if i == 0 {
			headline = p
			rep.Emigrants.Pooled = f
			if pl, ok := p.Pooling(); ok {
				d := pl.Diagnostics
				rep.Emigrants.Agreement = agreement{Q: number(d.Q), DF: d.DF, P: number(d.P), I2: number(d.I2), Disjoint: d.Disjoint, Verdict: d.String()}
				for j := range pl.Weights {
					rep.Emigrants.Estimates[j].Weight = pl.Weights[j]
				}
			}
			continue
		}
		rep.Emigrants.Alternatives = append(rep.Emigrants.Alternatives, f)
	}

	// Cross-check: "about 1.5% of the workforce".
	share, err := estimate.ShareBetween(0.0125, 0.0175)
	if err != nil {
		return estimate.Estimate{}, err
	}
	share = share.Named("Alfa Bank: about 1.5% of the workforce").WithSources(srcAlfa)
	base := workforce.LabourForce()
	cc := crossCheck{Share: figureOf(share), Base: base, BaseRefs: src.cite(workforce.LabourForceSource())}
	cc.Share.Reading = `"about 1.5%" read as a 90% interval of 1.25% to 1.75%`
	cc.Share.SourceRefs = src.cite(srcAlfa)
	lo, hi := share.Interval(level)
	cc.People = figure{
		Name:   "1.5% of the labour force, people",
		Median: base * share.Median(), Lo: base * lo, Hi: base * hi,
	}
	cc.People.Text = summaryText(cc.People.Median, cc.People.Lo, cc.People.Hi)
	rep.Emigrants.CrossCheck = cc
	return headline, nil
}

// nonNil makes a nil slice empty, so that JSON has [] rather than null.
func nonNil[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}
