package triples

import (
	"strings"
	"testing"
	"time"
)

func TestReadHTML(t *testing.T) {
	opts := ReadOptions{Path: "p.html"}
	runReadTests(t, []readTest{
		{
			name:   "page",
			format: HTML,
			opts:   ReadOptions{Path: "testdata/read/page.html"},
			input:  "testdata/read/page.html",
			file:   true,
			want: []readResult{article(Article{
				ID:    "page",
				Title: "Airstrikes hit Idlib hospital",
				Text: "Airstrikes hit Idlib hospital\n\n" +
					"By Jane Doe · 26 March 2018\n\n" +
					"Airstrikes hit a hospital in Idlib province on Tuesday, killing at least 5 people, a monitoring group said.\n\n" +
					"The Syrian Observatory for Human Rights said Russian warplanes carried out the strikes near Maarat al-Numan.\n\n" +
					"The hospital after the strike.\n\n" +
					"Residents said\nthe building was empty.",
				Source: "Example News",
				URL:    "https://news.example.org/2018/03/idlib-hospital",
				Date:   day(2018, time.March, 27),
				Origin: "testdata/read/page.html:1",
			})},
		},
		{
			name:   "soup",
			format: HTML,
			opts:   ReadOptions{Path: "testdata/read/soup.html"},
			input:  "testdata/read/soup.html",
			file:   true,
			want: []readResult{article(Article{
				ID:    "soup",
				Title: "Clashes in Daraa",
				Text: "Clashes in Daraa\n\n" +
					"Clashes broke out in Daraa on Friday\n\n" +
					"Government forces shelled the old city for hours and rebels fired back.\n\n" +
					"Killed 12\nWounded 40\n\n" +
					"Residents fled north",
				Origin: "testdata/read/soup.html:1",
			})},
		},
		{
			name:   "title without site name",
			format: HTML,
			opts:   opts,
			input:  "<title>Shelling in Homs - Syria Direct</title><p>Shelling went on.",
			want: []readResult{article(Article{
				ID: "p", Title: "Shelling in Homs", Text: "Shelling in Homs\n\nShelling went on.", Origin: "p.html:1",
			})},
		},
		{
			name:   "title with a dash kept",
			format: HTML,
			opts:   opts,
			input:  "<title>Homs - shelling went on through the night, residents say</title><p>Shelling went on.",
			want: []readResult{article(Article{
				ID:     "p",
				Title:  "Homs - shelling went on through the night, residents say",
				Text:   "Homs - shelling went on through the night, residents say\n\nShelling went on.",
				Origin: "p.html:1",
			})},
		},
		{
			name:   "og:title with the site name",
			format: HTML,
			opts:   opts,
			input: `<meta property="og:site_name" content="Enab Baladi"><meta property="og:title" content="Talks in Astana | Enab Baladi">` +
				`<meta name="pubdate" content="Sun, April 08, 2018"><p>Talks began.`,
			want: []readResult{article(Article{
				ID: "p", Title: "Talks in Astana", Text: "Talks in Astana\n\nTalks began.", Source: "Enab Baladi",
				Date: day(2018, time.April, 8), Origin: "p.html:1",
			})},
		},
		{
			name:   "h1 title already in the text",
			format: HTML,
			opts:   opts,
			input:  "<header><h1>Site</h1></header><main><h1>Rebels   withdraw</h1><p>Rebels withdrew.</p></main>",
			want: []readResult{article(Article{
				ID: "p", Title: "Rebels withdraw", Text: "Rebels withdraw\n\nRebels withdrew.", Origin: "p.html:1",
			})},
		},
		{
			name:   "articleBody",
			format: HTML,
			opts:   ReadOptions{},
			input:  `<div>Menu</div><div itemprop="articlebody"><p>The text.</p><div class="share-bar">Share</div></div><link rel="Canonical nofollow" href=" https://x.org/a ">`,
			want: []readResult{article(Article{
				ID: HashID("The text."), Text: "The text.", URL: "https://x.org/a", Origin: "-:1",
			})},
		},
		{
			name:   "longest article",
			format: HTML,
			opts:   opts,
			input:  "<article><p>Teaser.</p></article><article><p>The real article, which is longer.</p><article>Comment</article></article><aside><article>A much longer related article that is not the one.</article></aside>",
			want: []readResult{article(Article{
				ID: "p", Text: "The real article, which is longer.\n\nComment", Origin: "p.html:1",
			})},
		},
		{
			name:   "time in the article",
			format: HTML,
			opts:   opts,
			input:  `<header><time datetime="2020-01-01">today</time></header><article><time>5 April 2017</time><p>Text.</p></article>`,
			want: []readResult{article(Article{
				ID: "p", Text: "5 April 2017\n\nText.", Date: day(2017, time.April, 5), Origin: "p.html:1",
			})},
		},
		{
			name:   "hidden, pre and entities",
			format: HTML,
			opts:   opts,
			input:  "<body><p hidden>Hidden.</p><p aria-hidden=true>Also hidden.</p><pre>a  b\n  c</pre><p>&lt;tag&gt; &amp; &#1575;&#x644;</p><p>Ctrl&#1;char</p></body>",
			want: []readResult{article(Article{
				ID: "p", Text: "a b\nc\n\n<tag> & ال\n\nCtrlchar", Origin: "p.html:1",
			})},
		},
		{
			name:   "only furniture classes",
			format: HTML,
			opts:   opts,
			input:  `<body class="menu-open"><div id="main-navigation-wrapper"><p>The text.</p></div><script>x()</script></body>`,
			want:   []readResult{article(Article{ID: "p", Text: "The text.", Origin: "p.html:1"})},
		},
		{
			name:   "page in a form",
			format: HTML,
			opts:   opts,
			input:  `<body><form id="aspnetForm"><nav>Home</nav><div class="content"><p>The text.</p></div><input name=q><button>Go</button></form></body>`,
			want:   []readResult{article(Article{ID: "p", Text: "The text.", Origin: "p.html:1"})},
		},
		{
			name:   "article in a form",
			format: HTML,
			opts:   opts,
			input:  `<body><form><div>Search</div><article><p>The text.</p></article></form></body>`,
			want:   []readResult{article(Article{ID: "p", Text: "The text.", Origin: "p.html:1"})},
		},
		{
			name:   "Arabic",
			format: HTML,
			opts:   ReadOptions{Path: "خبر.html"},
			input: `<html dir="rtl"><head><meta charset="UTF-8"><title>قصف على إدلب</title>` +
				`<meta name="date" content="27 مارس، 2018 7:47:31 م"></head><body><p>قصفت الطائرات مدينة إدلب.</p></body></html>`,
			want: []readResult{article(Article{
				ID:     HashID("قصف على إدلب\n\nقصفت الطائرات مدينة إدلب."),
				Title:  "قصف على إدلب",
				Text:   "قصف على إدلب\n\nقصفت الطائرات مدينة إدلب.",
				Date:   day(2018, time.March, 27),
				Origin: "خبر.html:1",
			})},
		},
		{
			name:   "nested too deep for the parser",
			format: HTML,
			opts:   opts,
			input: "<html><head><title>Deep</title><meta property='og:published_time' content='2017-04-05'></head><body>" +
				strings.Repeat("<div>", 600) + "<p>Deep text.<script>not text</script><nav>Menu</nav> More text." +
				"<time datetime='2016-01-01'></time>",
			want: []readResult{article(Article{
				ID: "p", Title: "Deep", Text: "Deep\n\nDeep text. More text.", Date: day(2017, time.April, 5), Origin: "p.html:1",
			})},
		},
		{
			name:   "no text",
			format: HTML,
			opts:   opts,
			input:  "<html><head><title>Only a title</title></head><body><script>var x = 1;</script><nav>Home</nav></body></html>",
			want:   []readResult{problem("p.html: no article text in page")},
		},
		{
			name:   "not HTML",
			format: HTML,
			opts:   opts,
			input:  "Just text.",
			want:   []readResult{article(Article{ID: "p", Text: "Just text.", Origin: "p.html:1"})},
		},
		{
			name:   "empty",
			format: HTML,
			opts:   opts,
			input:  "\ufeff \n",
			want:   []readResult{problem("p.html: empty file, no article")},
		},
		{
			name:   "windows-1256",
			format: HTML,
			opts:   opts,
			input:  "<html><head><meta charset=\"Windows-1256\"></head><body><p>\xc7\xe1\xd3\xe1\xc7\xe3</p></body></html>",
			want:   []readResult{problem("p.html: charset windows-1256 is not supported: convert the page to UTF-8")},
		},
		{
			name:   "http-equiv charset",
			format: HTML,
			opts:   opts,
			input:  "<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>\n<p>caf\xe9",
			want:   []readResult{problem("p.html: charset iso-8859-1 is not supported: convert the page to UTF-8")},
		},
		{
			name:   "invalid UTF-8 declared UTF-8",
			format: HTML,
			opts:   opts,
			input:  "<meta charset=utf-8>\n<p>caf\xe9",
			want:   []readResult{problem("p.html:2: invalid UTF-8 at column 7: convert the page to UTF-8")},
		},
		{
			name:   "binary",
			format: HTML,
			opts:   opts,
			input:  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			want:   []readResult{problem("p.html:3: binary data (NUL byte at column 1), not text")},
		},
		{
			name:   "too large",
			format: HTML,
			opts:   ReadOptions{Path: "p.html", MaxSize: 8},
			input:  "<p>0123456789</p>",
			want:   []readResult{problem("p.html: page is 17 bytes, larger than the limit of 8")},
		},
	})
}

func TestStripSiteName(t *testing.T) {
	tests := []struct {
		title, site string
		guess       bool
		want        string
	}{
		{"Talks in Astana | Enab Baladi", "Enab Baladi", false, "Talks in Astana"},
		{"Talks in Astana | Enab Baladi", "", false, "Talks in Astana | Enab Baladi"},
		{"Talks in Astana | Enab Baladi", "", true, "Talks in Astana"},
		{"Syria - Talks in Astana - Reuters", "", true, "Syria - Talks in Astana"},
		{"Talks – Al Jazeera English", "", true, "Talks – Al Jazeera English"},
		{"Talks in Astana — Al Jazeera English", "", true, "Talks in Astana — Al Jazeera English"},
		{"Government talks in Astana — Al Jazeera English", "", true, "Government talks in Astana"},
		{" - Reuters", "", true, " - Reuters"},
		{"Talks in Astana", "", true, "Talks in Astana"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := stripSiteName(tt.title, tt.site, tt.guess); got != tt.want {
				t.Errorf("stripSiteName(%q, %q, %v) = %q, want %q", tt.title, tt.site, tt.guess, got, tt.want)
			}
		})
	}
}
