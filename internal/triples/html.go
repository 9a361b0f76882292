package triples

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlReader reads a whole input as one HTML page, and the page as one
// article, its metadata and the text of its article body:
//
//   - Title: <meta property="og:title"> (without a " | Site" suffix naming
//     og:site_name), else <title> without a " | Site" or " - Site"
//     suffix, else the first <h1>, preferably in the article.
//   - Text: the text of the <article> (the one with the most text, when
//     there are several), else of <main>, else of the element with
//     itemprop="articleBody", else of <body>. Scripts, styles, media,
//     controls, forms, navigation, headers, footers, asides and hidden
//     elements are left out, and so are elements whose class or id
//     contains "share", "related", "comment", "menu", "nav", "cookie",
//     "subscribe", "newsletter" or "social". When that leaves nothing,
//     less is left out. Block elements end lines, paragraphs, headings
//     and the like end paragraphs (a blank line), runs of white space
//     become one space, and control characters are dropped. The title is
//     put first, then a blank line, unless it is the first line already.
//   - Date: <meta property="article:published_time">, og:published_time,
//     name="date", "pubdate" and the like, else the first <time> with a
//     date, preferably in the article, read with [ParseDate]. A date that
//     cannot be read is left zero: the article is still read.
//   - Source: og:site_name. URL: og:url, else <link rel="canonical">.
//
// Pages nested deeper than the HTML parser allows (512 elements) are read
// token by token instead, leaving out elements by tag only.
type htmlReader struct {
	input
	r    io.Reader
	done bool
}

func (h *htmlReader) ReadArticle() (*Article, error) {
	if h.done {
		return nil, io.EOF
	}
	h.done = true
	b, size, err := readWhole(h.r, h.max)
	if err != nil {
		return nil, err
	}
	if size > int64(h.max) {
		return nil, h.errorf(0, "page is %d bytes, larger than the limit of %d", size, h.max)
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	if line, err := pageProblem(b); err != nil {
		return nil, h.errorAt(line, err)
	}
	if isBlank(b) {
		return nil, h.errorAt(0, errEmptyInput)
	}
	p := readPage(b)
	if p.body == "" {
		return nil, h.errorf(0, "no article text in page")
	}
	text := p.body
	if first, _, _ := strings.Cut(text, "\n"); p.title != "" && first != p.title {
		text = p.title + "\n\n" + text
	}
	return &Article{
		ID:     h.fileID(text),
		Title:  p.title,
		Text:   text,
		Source: p.source,
		URL:    p.url,
		Date:   p.date,
		Origin: h.origin(1),
	}, nil
}

// pageProblem reports why page b is not UTF-8 text, naming the charset
// the page declares when it is another one.
func pageProblem(b []byte) (int, error) {
	line, err := textProblem(b, false, "page")
	if err == nil || bytes.IndexByte(b, 0) >= 0 || bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return line, err
	}
	switch cs := declaredCharset(b); cs {
	case "", "utf-8", "utf8", "unicode-1-1-utf-8":
		return line, err
	default:
		return 0, fmt.Errorf("charset %s is not supported: convert the page to UTF-8", cs)
	}
}

// declaredCharset returns the charset named by a <meta charset> or <meta
// http-equiv="content-type"> near the start of page b, lower-case, or "".
func declaredCharset(b []byte) string {
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var charset, equiv, content string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "http-equiv":
					equiv = string(v)
				case "content":
					content = string(v)
				}
			}
			if charset == "" && strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					charset = content[i+len("charset="):]
				}
			}
			if cs := charsetName(charset); cs != "" {
				return cs
			}
		}
	}
}

// charsetName cleans a declared charset name for a message: lower-case
// ASCII letters, digits and "-_.:", at most 40 of them.
func charsetName(s string) string {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), `"'`))
	end := 0
	for end < len(s) && end < 40 {
		c := s[end]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.:", c) >= 0) {
			break
		}
		end++
	}
	return s[:end]
}

// page is what readPage finds in an HTML page.
type page struct {
	title, body, source, url string
	date                     time.Time
}

// pageMeta collects the metadata of a page as it is walked.
type pageMeta struct {
	metas     map[string]string // meta property, name or itemprop → content
	title     string            // text of <title>
	canonical string            // href of <link rel="canonical">
	h1        string            // text of the first <h1> that counts
	times     []string          // datetime or text of <time> elements, best first
}

// maxPageCandidates bounds how many <time> and <h1> elements readPage
// keeps, and how many containers it compares.
const maxPageCandidates = 100

func (m *pageMeta) meta(attrs []html.Attribute) {
	var content string
	var keys []string
	for _, a := range attrs {
		switch a.Key {
		case "content":
			content = a.Val
		case "property", "name", "itemprop":
			keys = append(keys, strings.ToLower(strings.TrimSpace(a.Val)))
		}
	}
	for _, k := range keys {
		if _, ok := m.metas[k]; !ok && k != "" {
			m.metas[k] = content
		}
	}
}

func (m *pageMeta) link(attrs []html.Attribute) {
	if m.canonical != "" {
		return
	}
	canonical, href := false, ""
	for _, a := range attrs {
		switch a.Key {
		case "rel":
			for _, rel := range strings.Fields(a.Val) {
				canonical = canonical || strings.EqualFold(rel, "canonical")
			}
		case "href":
			href = strings.TrimSpace(a.Val)
		}
	}
	if canonical {
		m.canonical = href
	}
}

// publishedMetas are the meta properties and names that give the
// publication date, best first.
var publishedMetas = []string{
	"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
	"publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date",
}

// page returns the page with the given body text.
func (m *pageMeta) page(body string) page {
	p := page{body: body}
	p.source = cleanLine(m.metas["og:site_name"])
	p.url = strings.TrimSpace(m.metas["og:url"])
	if p.url == "" {
		p.url = m.canonical
	}
	if t := cleanLine(m.metas["og:title"]); t != "" {
		p.title = stripSiteName(t, p.source, false)
	} else if t := cleanLine(m.title); t != "" {
		p.title = stripSiteName(t, p.source, true)
	} else {
		p.title = cleanLine(m.h1)
	}
	for _, k := range publishedMetas {
		if d, ok := ParseDate(m.metas[k]); ok {
			p.date = d
			return p
		}
	}
	for _, s := range m.times {
		if d, ok := ParseDate(s); ok {
			p.date = d
			break
		}
	}
	return p
}

// cleanLine collapses the white space in s and drops control characters.
func cleanLine(s string) string {
	var t textBuilder
	t.text(s)
	return strings.ReplaceAll(t.String(), "\n", " ")
}

// stripSiteName removes the site name after a " | ", " - ", " – " or " — "
// at the end of title: the given site's name, or with guess, any short
// suffix (at most four words and 40 characters, no longer than the rest).
func stripSiteName(title, site string, guess bool) string {
	i, sep := -1, ""
	for _, s := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if j := strings.LastIndex(title, s); j > i {
			i, sep = j, s
		}
	}
	if i <= 0 {
		return title
	}
	head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
	switch {
	case head == "" || tail == "":
		return title
	case site != "" && strings.EqualFold(tail, site):
		return head
	case guess && len(strings.Fields(tail)) <= 4 && utf8.RuneCountInString(tail) <= 40 &&
		utf8.RuneCountInString(tail) <= utf8.RuneCountInString(head):
		return head
	}
	return title
}

// readPage finds the title, text and metadata of page b.
func readPage(b []byte) page {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		// Nested deeper than the parser allows.
		p := readPageTokens(b, skipFurnitureTags)
		if p.body == "" {
			p = readPageTokens(b, skipMarkup)
		}
		return p
	}
	m := pageMeta{metas: make(map[string]string)}
	var (
		body, titleNode *html.Node
		containers      [3][]*html.Node // <article>, <main>, itemprop=articleBody; the outermost ones
		within          [3]int          // depth inside each kind of container
		skipped         int             // depth inside skipped elements
		h1s, times      []*html.Node
		stack           []uint8 // per open element: bit k+1 for container kind k, bit 0 for skipped
	)
	walkHTML(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return n.Type == html.DocumentNode
		}
		var frame uint8
		switch n.DataAtom {
		case atom.Meta:
			m.meta(n.Attr)
		case atom.Link:
			m.link(n.Attr)
		case atom.Title:
			if titleNode == nil && n.Namespace == "" {
				titleNode = n
			}
		case atom.Body:
			if body == nil {
				body = n
			}
		case atom.H1:
			if len(h1s) < maxPageCandidates && skipped == 0 {
				h1s = append(h1s, n)
			}
		case atom.Time:
			if len(times) < maxPageCandidates {
				times = append(times, n)
			}
		}
		// A <form> may wrap a whole page (ASP.NET does): look for
		// containers in it.
		if skipElement(n, skipFurniture) && n.DataAtom != atom.Form {
			frame |= 1
			skipped++
		}
		kind := -1
		switch {
		case n.DataAtom == atom.Article:
			kind = 0
		case n.DataAtom == atom.Main:
			kind = 1
		case strings.EqualFold(attr(n, "itemprop"), "articleBody"):
			kind = 2
		}
		if kind >= 0 {
			if within[kind] == 0 && skipped == 0 && len(containers[kind]) < maxPageCandidates {
				containers[kind] = append(containers[kind], n)
			}
			within[kind]++
			frame |= 1 << (kind + 1)
		}
		stack = append(stack, frame)
		return true
	}, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		frame := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if frame&1 != 0 {
			skipped--
		}
		for k := range within {
			if frame&(1<<(k+1)) != 0 {
				within[k]--
			}
		}
	})
	if titleNode != nil {
		m.title = nodeText(titleNode)
	}

	var container *html.Node
	var text string
	for _, kind := range containers {
		for _, c := range kind {
			if t := pageText(c, skipFurniture); len(t) > len(text) {
				container, text = c, t
			}
		}
		if text != "" {
			break
		}
	}
	root := body
	if root == nil {
		root = doc
	}
	// When leaving out furniture leaves nothing, leave out less.
	for level := skipFurniture; text == "" && level >= skipMarkup; level-- {
		container, text = root, pageText(root, level)
	}

	// Prefer the <h1> and <time> in the container.
	for _, h := range h1s {
		if isAncestor(container, h) {
			m.h1 = nodeText(h)
			break
		}
	}
	if m.h1 == "" && len(h1s) > 0 {
		m.h1 = nodeText(h1s[0])
	}
	for _, inside := range []bool{true, false} {
		for _, t := range times {
			if isAncestor(container, t) == inside {
				if dt := attr(t, "datetime"); dt != "" {
					m.times = append(m.times, dt)
				}
				m.times = append(m.times, nodeText(t))
			}
		}
	}
	return m.page(text)
}

// walkHTML visits the nodes under root in document order, without
// recursion. enter reports whether to visit n's children; leave is called
// after them, only when enter returned true.
func walkHTML(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	n := root
	for {
		if enter(n) {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			leave(n)
		}
		for {
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			if n == nil {
				return
			}
			leave(n)
		}
	}
}

// isAncestor reports whether a is n or one of its ancestors.
func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeText returns the text under n, with white space collapsed, capped
// at a few thousand bytes: it is for titles and dates.
func nodeText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		return b.Len() < 4096 && (n.Type == html.ElementNode || n.Type == html.DocumentNode)
	}, func(*html.Node) {})
	return cleanLine(b.String())
}

// skipLevel says how much of a page to leave out of the article text.
type skipLevel int

const (
	skipMarkup        skipLevel = iota // scripts, styles, media, controls, navigation, headers, footers, asides
	skipFurnitureTags                  // and forms, which may wrap a whole page
	skipFurniture                      // and elements whose class or id names furniture
)

// markupTags are elements that never hold article text.
var markupTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Audio: true, atom.Video: true, atom.Head: true, atom.Title: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Dialog: true,
}

// furnitureWords mark the class or id of elements that hold page
// furniture rather than article text.
var furnitureWords = []string{"share", "related", "comment", "menu", "nav", "cookie", "subscribe", "newsletter", "social"}

// skipTag reports whether elements with tag a are left out at level.
func skipTag(a atom.Atom, level skipLevel) bool {
	return markupTags[a] || level >= skipFurnitureTags && a == atom.Form
}

// skipElement reports whether n's text is left out of the article text at
// level: by its tag, because it is hidden, or because its class or id
// contains a furniture word.
func skipElement(n *html.Node, level skipLevel) bool {
	if skipTag(n.DataAtom, level) || n.Namespace == "svg" || n.Namespace == "math" {
		return true
	}
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "class", "id":
			if level < skipFurniture {
				continue
			}
			v := strings.ToLower(a.Val)
			for _, w := range furnitureWords {
				if strings.Contains(v, w) {
					return true
				}
			}
		}
	}
	return false
}

// pageText returns the text under root, leaving out what skipElement
// says (except root itself).
func pageText(root *html.Node, level skipLevel) string {
	var t textBuilder
	walkHTML(root, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			t.text(n.Data)
		case html.ElementNode:
			if n != root && skipElement(n, level) {
				return false
			}
			t.open(n.DataAtom)
			return true
		case html.DocumentNode:
			return true
		}
		return false
	}, func(n *html.Node) {
		if n.Type == html.ElementNode {
			t.close(n.DataAtom)
		}
	})
	return t.String()
}

// readPageTokens reads page b token by token, for pages the parser
// rejects. It leaves out elements by tag only, up to skipFurnitureTags.
func readPageTokens(b []byte, level skipLevel) page {
	m := pageMeta{metas: make(map[string]string)}
	var t textBuilder
	var (
		skipping   atom.Atom // the tag of the skipped element we are in, or 0
		skipNest   int       // how many skipping elements are open
		inTitle    bool
		h1, inTime bool
		title, h1s strings.Builder
		timeText   strings.Builder
	)
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return m.page(t.String())
		case html.TextToken:
			text := string(z.Text())
			switch {
			case inTitle:
				title.WriteString(text)
			case skipNest > 0:
			default:
				if h1 && h1s.Len() < 4096 {
					h1s.WriteString(text)
				}
				if inTime && timeText.Len() < 256 {
					timeText.WriteString(text)
				}
				t.text(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			a := atom.Lookup(name)
			var attrs []html.Attribute
			for more && len(attrs) < 64 {
				var k, v []byte
				k, v, more = z.TagAttr()
				attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			switch a {
			case atom.Meta:
				m.meta(attrs)
			case atom.Link:
				m.link(attrs)
			case atom.Title:
				inTitle = m.title == "" && title.Len() == 0 && tt == html.StartTagToken
			case atom.H1:
				h1 = m.h1 == "" && skipNest == 0
			case atom.Time:
				if len(m.times) < maxPageCandidates && skipNest == 0 {
					for _, at := range attrs {
						if at.Key == "datetime" {
							m.times = append(m.times, at.Val)
						}
					}
					inTime = true
					timeText.Reset()
				}
			}
			if skipNest > 0 {
				if a == skipping && tt == html.StartTagToken {
					skipNest++
				}
				continue
			}
			if skipTag(a, level) && tt == html.StartTagToken && !voidTags[a] && a != atom.Title {
				skipping, skipNest = a, 1
				continue
			}
			t.open(a)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Title:
				if inTitle {
					m.title, inTitle = title.String(), false
				}
			case atom.H1:
				if h1 {
					m.h1, h1 = h1s.String(), false
				}
			case atom.Time:
				if inTime {
					m.times = append(m.times, timeText.String())
					inTime = false
				}
			}
			if skipNest > 0 {
				if a == skipping {
					skipNest--
				}
				continue
			}
			t.close(a)
		}
	}
}

// voidTags are elements without content or end tag.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// paragraphTags end a paragraph: a blank line before and after.
var paragraphTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Hr: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Address: true, atom.Details: true, atom.Fieldset: true,
	atom.Hgroup: true,
}

// lineTags end a line.
var lineTags = map[atom.Atom]bool{
	atom.Div: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Figcaption: true,
	atom.Caption: true, atom.Br: true, atom.Summary: true, atom.Legend: true, atom.Center: true,
	atom.Option: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Body: true, atom.Html: true,
	atom.Form: true, atom.Menu: true, atom.Dialog: true, atom.Noscript: true,
}

// textBuilder assembles text from HTML text nodes and block boundaries:
// runs of white space become one space, at most one blank line separates
// paragraphs, and there is no space at the start or end of a line.
type textBuilder struct {
	b      strings.Builder
	space  bool // a space is pending
	breaks int  // line breaks pending: 1 ends a line, 2 a paragraph
	pre    int  // depth inside <pre>, where line breaks are kept
}

// text adds text, whose white space is collapsed (except for line breaks
// inside <pre>) and whose control characters are dropped.
func (t *textBuilder) text(s string) {
	for _, r := range s {
		switch {
		case r == '\n' && t.pre > 0:
			t.lineBreak(1)
		case unicode.IsSpace(r):
			t.space = true
		case unicode.IsControl(r):
		default:
			if t.b.Len() > 0 {
				if t.breaks > 0 {
					t.b.WriteString("\n\n"[:t.breaks])
				} else if t.space {
					t.b.WriteByte(' ')
				}
			}
			t.breaks, t.space = 0, false
			t.b.WriteRune(r)
		}
	}
}

func (t *textBuilder) lineBreak(n int) {
	t.breaks = max(t.breaks, n)
}

// open starts element a.
func (t *textBuilder) open(a atom.Atom) {
	switch {
	case a == atom.Pre:
		t.pre++
		t.lineBreak(2)
	case a == atom.Td || a == atom.Th:
		t.space = true
	case paragraphTags[a]:
		t.lineBreak(2)
	case lineTags[a]:
		t.lineBreak(1)
	}
}

// close ends element a.
func (t *textBuilder) close(a atom.Atom) {
	switch {
	case a == atom.Pre:
		if t.pre > 0 {
			t.pre--
		}
		t.lineBreak(2)
	case a == atom.Td || a == atom.Th:
		t.space = true
	case paragraphTags[a]:
		t.lineBreak(2)
	case lineTags[a] && a != atom.Br:
		t.lineBreak(1)
	}
}

// String returns the text built so far.
func (t *textBuilder) String() string { return t.b.String() }
