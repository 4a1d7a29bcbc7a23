package main

import (
	"context"
	"fmt"
	"slices"

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
		Date:      "2022-10",
		Note: "as cited by the article: 600,000 to 1 million; Forbes (October 2022, citing Kremlin sources) " +
			"counted departures since mobilisation began on 21 September 2022, tourists included; " +
			"not found verbatim in public copies",
	}
	srcReRussia = exodus.Source{
		Publisher: "Re:Russia",
		Title:     "Escape from War: New data puts the number of Russians who have left at more than 800,000 people",
		URL:       "https://re-russia.net/en/review/347/",
		Date:      "2023-07-28",
		Note:      "820,000 to 920,000 left Russia after 24 February 2022, estimated from receiving countries' data to mid-2023",
	}
	srcRaksha = exodus.Source{
		Publisher: "Voice of America (Russian service)",
		Title:     "Российский исход. Массовая миграция из РФ в первый год войны",
		URL:       "https://d31icbnmvylvz7.cloudfront.net/a/6975608.html",
		Date:      "2023-02",
		Note: "demographer Alexei Raksha: about 600,000 left since February 2022, in a range of 500,000 to 700,000; " +
			"published for the first anniversary of the invasion (the URL is VOA's own content mirror)",
	}
	srcUKMoD = exodus.Source{
		Publisher: "UK Ministry of Defence",
		Title:     "Latest Defence Intelligence update on the situation in Ukraine - 11 February 2025",
		URL:       "https://www.daily8.com/en/article/ea925cfc33149964c824bc774ec07a5b",
		Date:      "2025-02-11",
		Note: `posted on X; quoted in full by the page cited: "the emigration of approximately 1.3 million ` +
			`Russians since the invasion of Ukraine"`,
	}
	srcTheBell = exodus.Source{
		Publisher: "The Bell, as reported by The Moscow Times",
		URL:       "https://www.themoscowtimes.com/2024/07/17/around-650k-russian-wartime-emigres-remain-abroad-the-bell-a85738",
		Date:      "2024-07-17",
		Note:      "at least 650,000 who left after February 2022 were still abroad in 2024, from host countries' data",
	}
	srcAlfa = exodus.Source{
		Publisher: "Alfa Bank",
		Note:      "as cited by the article: about 1.5% of the whole workforce left; the bank's own text was not found, so no date or address",
	}
	srcOutRush = exodus.Source{
		Publisher: "OutRush (Kamalov, Sergeeva, Zavadskaya, Kostenko)",
		URL:       "http://warsawpoint.com/news/35292-up-to-300000-people-have-left-russia-following-invasion-of-ukraine.html",
		Date:      "2022",
		Note:      "80% of emigrants hold a university degree",
	}
	srcMinTsifry = exodus.Source{
		Publisher: "Russian Ministry of Digital Development (Minister M. Shadayev), via AFP and BM.ge",
		Title:     "Moscow says 100K IT specialists have left Russia this year",
		URL:       "https://bm.ge/en/article/moscow-says-100k-it-specialists-have-left-russia-this-year/123234/",
		Date:      "2022-12",
		Note:      "about 100,000 IT specialists left Russia in 2022 and were abroad, about 10% of IT companies' staff; 80% of them kept working for Russian companies remotely",
	}

	srcCBRWithdrawal = exodus.Source{
		Publisher: "Central Bank of Russia",
		Title:     "О развитии банковского сектора Российской Федерации (February 2022)",
		URL:       "https://www.nasdaq.com/articles/russian-households-withdrew-over-2-trln-roubles-from-local-banks-in-2022-central-bank",
		Date:      "2022-03-21",
		Note:      "household funds fell by 1.2 trillion roubles in February 2022; reported by Reuters",
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
	hc, err := buildHeadcounts(ctx, rep, &src, cfg, in, pooled, progress)
	if err != nil {
		return nil, err
	}
	if err := buildCosts(ctx, rep, &src, cfg, hc); err != nil {
		return nil, err
	}
	if err := buildMoney(rep, &src, cfg, in); err != nil {
		return nil, err
	}
	buildSummary(rep, &src, in)
	rep.Sources = src.refs
	// Lists are [] in JSON, never null, whether or not they have items.
	nonNil(&rep.Emigrants.Agreement.Disjoint)
	nonNil(&rep.Emigrants.Alternatives)
	nonNil(&rep.Headcounts.Assumptions)
	nonNil(&rep.Headcounts.Comparisons)
	nonNil(&rep.Headcounts.Notes)
	nonNil(&rep.Money.Average)
	nonNil(&rep.Money.Article)
	nonNil(&rep.Money.Day)
	nonNil(&rep.Headcounts.Findings)
	nonNil(&rep.Summary.Assumptions)
	nonNil(&rep.Summary.Findings)
	nonNil(&rep.Headcounts.ITMappings)
	nonNil(&rep.Destinations.Rows)
	nonNil(&rep.Destinations.BySector)
	nonNil(&rep.Destinations.Context)
	nonNil(&rep.Costs.SourceRefs)
	nonNil(&rep.Costs.Sectors)
	nonNil(&rep.Costs.Notes)
	nonNil(&rep.Costs.Context)
	return rep, nil
}

// pooledQuantity is the one quantity the headline pools: only estimates of
// it enter the pool, and every other figure is shown beside it as context.
const pooledQuantity = "people who left Russia after 24 February 2022 and were abroad when counted (estimates made in 2023)"

// claim is one source's figure for the number who left.
type claim struct {
	name   string // who
	words  string // what they said
	period string // the period the figure covers
	counts string // what it counts
	lo, hi float64
	// pooled says whether the figure measures pooledQuantity; why says why
	// not, when it does not.
	pooled bool
	why    string
	src    exodus.Source
}

var claims = []claim{
	{name: "Re:Russia", words: "820,000 to 920,000", period: "24 Feb 2022 to mid-2023",
		counts: "left and stayed abroad, from receiving countries' data", lo: 820_000, hi: 920_000,
		pooled: true, src: srcReRussia},
	{name: "A. Raksha", words: "about 600,000, 500,000 to 700,000", period: "Feb 2022 to Feb 2023",
		counts: "left and had not returned (a demographer's estimate)", lo: 500_000, hi: 700_000,
		pooled: true, src: srcRaksha},
	{name: "Forbes, The Bell, RTVi", words: "600,000 to 1 million", period: "21 Sep to Oct 2022",
		counts: "departures since mobilisation began, tourists included", lo: 600_000, hi: 1_000_000,
		why: "another quantity: departures after 21 September 2022 only, tourists included", src: srcForbesBellRTVi},
	{name: "The Bell (2024)", words: "at least 650,000", period: "Feb 2022 to 2024",
		counts: "still abroad in 2024, from host countries' data", lo: 650_000, hi: 650_000,
		why: "a lower bound with no spread, counted a year later, after some had returned", src: srcTheBell},
	{name: "UK Ministry of Defence", words: "approximately 1.3 million", period: "24 Feb 2022 to Feb 2025",
		counts: "emigrated since the invasion", lo: 1_300_000, hi: 1_300_000,
		why: "a single figure with no spread, over three years rather than the first", src: srcUKMoD},
	{name: "the article", words: "several hundred thousand to a few million", period: "since Feb 2022",
		counts: "left (a summary of the other sources)", lo: 300_000, hi: 3_000_000,
		why: "it summarises the sources above rather than adding a count of its own", src: srcArticle},
}

func figureOf(e estimate.Estimate) figure {
	lo, hi := e.Interval(level)
	return figure{Name: e.Name(), Median: e.Median(), Lo: lo, Hi: hi, Text: e.String()}
}

func buildEmigrants(rep *report, src *sourceList) (estimate.Estimate, error) {
	rep.Emigrants.Quantity = pooledQuantity
	var es []estimate.Estimate
	var pooledIdx []int
	for _, c := range claims {
		var e estimate.Estimate
		var err error
		if c.lo == c.hi {
			e, err = estimate.Point(c.lo)
		} else {
			e, err = estimate.Between(c.lo, c.hi)
		}
		if err != nil {
			return estimate.Estimate{}, fmt.Errorf("estimate %q: %w", c.name, err)
		}
		e = e.Named(c.name).WithSources(c.src)
		f := figureOf(e)
		f.Claim, f.Period, f.Counts, f.Pooled, f.SourceRefs = c.words, c.period, c.counts, c.pooled, src.cite(c.src)
		if c.lo != c.hi {
			f.Reading = "a 90% interval (lognormal)"
		}
		if c.pooled {
			es = append(es, e)
			pooledIdx = append(pooledIdx, len(rep.Emigrants.Estimates))
		} else {
			f.Note = "not pooled: " + c.why
		}
		rep.Emigrants.Estimates = append(rep.Emigrants.Estimates, f)
	}

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
				// Diagnostics index the pooled set; the report's indexes are
				// into all its estimates.
				disjoint := make([][2]int, len(d.Disjoint))
				for k, pair := range d.Disjoint {
					disjoint[k] = [2]int{pooledIdx[pair[0]], pooledIdx[pair[1]]}
				}
				rep.Emigrants.Agreement = agreement{Q: number(d.Q), DF: d.DF, P: number(d.P), I2: number(d.I2), Disjoint: disjoint, Verdict: d.String()}
				for j := range pl.Weights {
					rep.Emigrants.Estimates[pooledIdx[j]].Weight = pl.Weights[j]
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
