// The md4c client that writes HTML. Modelled on md4c-html's output (so CommonMark conformance carries
// over), plus what a photo blog needs: heading ids, lazy images, URL policy and {{gallery}} slots.
#include <md4c.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>

#include "base/line_index.h"
#include "base/utf8.h"
#include "markdown/markdown.h"
#include "markdown/slug.h"

extern "C" {
#include "entity.h"  // md4c's entity table, built into its md4c-html library
}

namespace stills {
namespace {

constexpr std::size_t kLongestShortcode = 256;
constexpr unsigned kGithubFlavour =
    MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;

// What each byte becomes in HTML text and in a URL attribute: 0 means itself. A table lookup per
// byte and bulk appends of the clean runs between escapes keep this loop cheap.
struct EscapeTables {
  const char* html[256] = {};
  bool percent_encode[256] = {};
  constexpr EscapeTables() {
    html[static_cast<unsigned char>('&')] = "&amp;";
    html[static_cast<unsigned char>('<')] = "&lt;";
    html[static_cast<unsigned char>('>')] = "&gt;";
    html[static_cast<unsigned char>('"')] = "&quot;";
    // As md4c-html: alphanumerics and these are kept in URLs, '&' becomes "&amp;", the rest %XX.
    constexpr std::string_view kUrlSafe = "~-_.+!*(),%#@?=;:/$";
    for (int c = 0; c < 256; ++c) {
      bool alphanumeric = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      percent_encode[c] = !alphanumeric && c != '&' && kUrlSafe.find(static_cast<char>(c)) == std::string_view::npos;
    }
  }
};
constexpr EscapeTables kEscape;

void append_html_escaped(std::string& out, std::string_view text) {
  std::size_t clean_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* escape = kEscape.html[static_cast<unsigned char>(text[i])];
    if (!escape) continue;
    out.append(text.data() + clean_from, i - clean_from);
    out.append(escape);
    clean_from = i + 1;
  }
  out.append(text.data() + clean_from, text.size() - clean_from);
}

void append_url_escaped(std::string& out, std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::size_t clean_from = 0;
  for (std::size_t i = 0; i < url.size(); ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    if (c != '&' && !kEscape.percent_encode[c]) continue;
    out.append(url.data() + clean_from, i - clean_from);
    if (c == '&') {
      out.append("&amp;");
    } else {
      const char encoded[3] = {'%', kHex[c >> 4], kHex[c & 0xF]};
      out.append(encoded, 3);
    }
    clean_from = i + 1;
  }
  out.append(url.data() + clean_from, url.size() - clean_from);
}

// "&amp;", "&#65;", "&#x41;" -> UTF-8; md4c only reports entities it has validated.
void append_entity(std::string& out, std::string_view entity) {
  if (entity.size() > 3 && entity[1] == '#') {
    bool hex = entity[2] == 'x' || entity[2] == 'X';
    char32_t code_point = 0;
    for (std::size_t i = hex ? 3 : 2; i + 1 < entity.size() && code_point <= 0x10FFFF; ++i) {
      char c = entity[i];
      unsigned digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      code_point = code_point * (hex ? 16 : 10) + digit;
    }
    append_utf8(out, code_point);
    return;
  }
  if (const ENTITY* known = entity_lookup(entity.data(), entity.size())) {
    append_utf8(out, known->codepoints[0]);
    if (known->codepoints[1]) append_utf8(out, known->codepoints[1]);
    return;
  }
  out += entity;
}

std::string attribute_text(const MD_ATTRIBUTE& attribute) {
  std::string text;
  for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    std::string_view part(attribute.text + attribute.substr_offsets[i],
                          attribute.substr_offsets[i + 1] - attribute.substr_offsets[i]);
    switch (attribute.substr_types[i]) {
      case MD_TEXT_NULLCHAR: append_utf8(text, 0xFFFD); break;
      case MD_TEXT_ENTITY: append_entity(text, part); break;
      default: text += part;
    }
  }
  return text;
}

// A text block being written, watched for a {{gallery}} shortcode. (Outside the writer: clang cannot
// default-construct a nested class with member initializers inside its enclosing class's body.)
struct Paragraph {
  std::size_t html_start = 0;
  bool top_level = false;
  bool plain_text = true;  // only normal text so far: may be a shortcode
  std::ptrdiff_t first_text_offset = -1;
  std::string text;
};

class HtmlWriter {
 public:
  HtmlWriter(std::string_view file, const MarkdownOptions& options) : file_(file), options_(options) {
    for (const auto& id : options.reserved_ids) slugger_.reserve(id);
  }

  RenderedMarkdown run(std::string_view body) {
    MD_PARSER parser{};
    parser.flags = options_.plain ? MD_DIALECT_COMMONMARK : kGithubFlavour;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<HtmlWriter*>(self)->enter_block(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<HtmlWriter*>(self)->leave_block(type, detail);
    };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<HtmlWriter*>(self)->enter_span(type, detail);
    };
    parser.leave_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<HtmlWriter*>(self)->leave_span(type, detail);
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<HtmlWriter*>(self)->text(type, std::string_view(text, size));
    };
    result_.html.reserve(body.size() + body.size() / 4);
    if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, this) != 0) {
      result_.diagnostics.push_back({Severity::Error, "the Markdown parser ran out of memory", 1, 1});
    }
    return std::move(result_);
  }

 private:
  std::string& out() { return heading_ ? heading_->html : result_.html; }
  void write(std::string_view verbatim) { out() += verbatim; }
  bool in_image() const { return image_depth_ > 0; }

  static bool is_container(MD_BLOCKTYPE type) {
    return type == MD_BLOCK_QUOTE || type == MD_BLOCK_UL || type == MD_BLOCK_OL || type == MD_BLOCK_LI;
  }

  // A container deeper than the limit writes no tags of its own: its content joins its parent's.
  bool flattened(MD_BLOCKTYPE type) {
    if (!is_container(type) || depth_ <= kMaxBlockNesting + 1) return false;  // + 1: the document
    if (!block_nesting_warned_) block_nesting_warned_ = block_nesting_warning_due_ = true;
    return true;
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    ++depth_;
    if (flattened(type)) {
      if (type == MD_BLOCK_LI) track_text_block(false);
      return 0;
    }
    if (depth_ == 2 && options_.source_lines) {  // a child of the document: its tag is written here
      top_block_start_ = result_.html.size();
      top_block_line_ = type == MD_BLOCK_HTML ? -1 : 0;  // the author's raw HTML is left as written
    }
    switch (type) {
      case MD_BLOCK_DOC:
      case MD_BLOCK_HTML: break;
      case MD_BLOCK_QUOTE: write("<blockquote>\n"); break;
      case MD_BLOCK_UL: write("<ul>\n"); break;
      case MD_BLOCK_OL: open_ordered_list(*static_cast<MD_BLOCK_OL_DETAIL*>(detail)); break;
      case MD_BLOCK_LI:
        open_list_item(*static_cast<MD_BLOCK_LI_DETAIL*>(detail));
        track_text_block(false);  // tight lists report no paragraphs: the item's text is the paragraph
        break;
      case MD_BLOCK_HR: write("<hr>\n"); break;
      case MD_BLOCK_H: heading_.emplace(); break;
      case MD_BLOCK_CODE: open_code_block(*static_cast<MD_BLOCK_CODE_DETAIL*>(detail)); break;
      case MD_BLOCK_P:
        track_text_block(depth_ == 2);  // depth 2: a child of the document
        write("<p>");
        break;
      case MD_BLOCK_TABLE: write("<table>\n"); break;
      case MD_BLOCK_THEAD: write("<thead>\n"); break;
      case MD_BLOCK_TBODY: write("<tbody>\n"); break;
      case MD_BLOCK_TR: write("<tr>\n"); break;
      case MD_BLOCK_TH: open_cell("th", *static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
      case MD_BLOCK_TD: open_cell("td", *static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void* detail) {
    bool was_flattened = flattened(type);
    --depth_;
    if (was_flattened) {
      if (type == MD_BLOCK_LI) close_text_block();
      return 0;
    }
    close_block(type, detail);
    if (depth_ == 1 && options_.source_lines) mark_source_line();
    return 0;
  }

  void close_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC:
      case MD_BLOCK_HTML:
      case MD_BLOCK_HR: break;
      case MD_BLOCK_QUOTE: write("</blockquote>\n"); break;
      case MD_BLOCK_UL: write("</ul>\n"); break;
      case MD_BLOCK_OL: write("</ol>\n"); break;
      case MD_BLOCK_LI:
        close_text_block();
        write("</li>\n");
        break;
      case MD_BLOCK_H: close_heading(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
      case MD_BLOCK_CODE: write("</code></pre>\n"); break;
      case MD_BLOCK_P:
        if (!close_text_block()) write("</p>\n");
        break;
      case MD_BLOCK_TABLE: write("</table>\n"); break;
      case MD_BLOCK_THEAD: write("</thead>\n"); break;
      case MD_BLOCK_TBODY: write("</tbody>\n"); break;
      case MD_BLOCK_TR: write("</tr>\n"); break;
      case MD_BLOCK_TH: write("</th>\n"); break;
      case MD_BLOCK_TD: write("</td>\n"); break;
    }
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (paragraph_) paragraph_->plain_text = false;
    // Inside an image's description only text goes on, into the alt attribute (CommonMark's advice).
    bool already_in_image = in_image();
    if (type == MD_SPAN_IMG) ++image_depth_;
    if (already_in_image) return 0;
    switch (type) {
      case MD_SPAN_EM: write("<em>"); break;
      case MD_SPAN_STRONG: write("<strong>"); break;
      case MD_SPAN_U: write("<u>"); break;
      case MD_SPAN_CODE: write("<code>"); break;
      case MD_SPAN_DEL: write("<del>"); break;
      case MD_SPAN_A: open_link(*static_cast<MD_SPAN_A_DETAIL*>(detail)); break;
      case MD_SPAN_IMG: open_image(*static_cast<MD_SPAN_IMG_DETAIL*>(detail)); break;
      default: break;  // LaTeX and wiki links are not enabled
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_IMG) --image_depth_;
    if (in_image()) return 0;
    switch (type) {
      case MD_SPAN_EM: write("</em>"); break;
      case MD_SPAN_STRONG: write("</strong>"); break;
      case MD_SPAN_U: write("</u>"); break;
      case MD_SPAN_CODE: write("</code>"); break;
      case MD_SPAN_DEL: write("</del>"); break;
      case MD_SPAN_A: write("</a>"); break;
      case MD_SPAN_IMG: close_image(*static_cast<MD_SPAN_IMG_DETAIL*>(detail)); break;
      default: break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view text) {
    if (options_.source_lines && top_block_line_ == 0 && text.data() >= file_.data() &&
        text.data() < file_.data() + file_.size()) {
      top_block_line_ = position(text.data() - file_.data()).line;
    }
    if (block_nesting_warning_due_) {
      block_nesting_warning_due_ = false;
      warn_at(text, "quotes and lists nested more than " + std::to_string(kMaxBlockNesting) + " deep are flattened");
    }
    if (type == MD_TEXT_HTML && !in_image() && !raw_html_as_text_) follow_raw_html(text);
    std::string decoded;
    switch (type) {
      case MD_TEXT_NULLCHAR: text = "\xEF\xBF\xBD"; break;
      case MD_TEXT_ENTITY:
        append_entity(decoded, text);
        text = decoded;
        break;
      case MD_TEXT_NORMAL:
        if (paragraph_ && paragraph_->first_text_offset < 0) paragraph_->first_text_offset = text.data() - file_.data();
        break;
      default: break;
    }
    switch (type) {
      case MD_TEXT_BR: write(in_image() ? " " : "<br>\n"); break;
      case MD_TEXT_SOFTBR: write(in_image() ? " " : "\n"); break;
      case MD_TEXT_HTML:  // raw HTML passes through, but inside alt="…" it is text (as cmark writes it)
        in_image() || raw_html_as_text_ ? append_html_escaped(out(), text) : write(text);
        break;
      default: append_html_escaped(out(), text);
    }
    note_text(type, text);
    return 0;
  }

  // Counts the elements raw HTML leaves open (a rough scan of its tags is enough to bound the depth);
  // past the limit the rest of the post's raw HTML is written as text.
  void follow_raw_html(std::string_view html) {
    static constexpr std::array<std::string_view, 14> kVoid = {"area", "base", "br", "col", "embed", "hr", "img",
                                                               "input", "link", "meta", "param", "source", "track", "wbr"};
    for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
      bool closing = i + 1 < html.size() && html[i + 1] == '/';
      std::size_t name_start = i + (closing ? 2 : 1);
      std::size_t name_end = name_start;
      while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
      if (name_end == name_start) continue;  // a comment, a declaration, or a lone "<"
      if (closing) {
        raw_html_depth_ = raw_html_depth_ > 0 ? raw_html_depth_ - 1 : 0;
        continue;
      }
      std::string name(html.substr(name_start, name_end - name_start));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::size_t end = html.find('>', name_end);
      bool self_closing = end != std::string_view::npos && html[end - 1] == '/';
      if (self_closing || std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end()) continue;
      if (++raw_html_depth_ > kMaxHtmlNesting) {
        raw_html_as_text_ = true;
        warn_at(html, "raw HTML nested more than " + std::to_string(kMaxHtmlNesting) +
                          " elements deep is shown as text from here on");
        return;
      }
    }
  }

  void warn_at(std::string_view text, std::string message) {
    bool in_file = text.data() >= file_.data() && text.data() < file_.data() + file_.size();
    auto [line, column] = in_file ? position(text.data() - file_.data()) : TextPosition{1, 1};
    result_.diagnostics.push_back({Severity::Warning, std::move(message), line, column});
  }

  // Keeps the plain text of headings (for their ids) and of top-level paragraphs (for shortcodes).
  void note_text(MD_TEXTTYPE type, std::string_view text) {
    if (type != MD_TEXT_NORMAL && paragraph_) paragraph_->plain_text = false;
    if (type == MD_TEXT_HTML) return;
    std::string_view plain = type == MD_TEXT_BR || type == MD_TEXT_SOFTBR ? " " : text;
    if (heading_) heading_->text += plain;
    if (paragraph_ && paragraph_->plain_text) {
      paragraph_->text += plain;
      // A shortcode is short: a long paragraph is prose, and copying it would be wasted work.
      if (paragraph_->text.size() > kLongestShortcode) paragraph_->plain_text = false;
    }
  }

  void open_ordered_list(const MD_BLOCK_OL_DETAIL& list) {
    if (list.start == 1) return write("<ol>\n");
    write("<ol start=\"" + std::to_string(list.start) + "\">\n");
  }

  void open_list_item(const MD_BLOCK_LI_DETAIL& item) {
    if (!item.is_task) return write("<li>");
    write("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled");
    if (item.task_mark == 'x' || item.task_mark == 'X') write(" checked");
    write(">");
  }

  void open_code_block(const MD_BLOCK_CODE_DETAIL& code) {
    write("<pre><code");
    if (code.lang.text != nullptr) write_attribute("class", "language-" + attribute_text(code.lang));
    write(">");
  }

  void open_cell(std::string_view tag, const MD_BLOCK_TD_DETAIL& cell) {
    write("<");
    write(tag);
    switch (cell.align) {
      case MD_ALIGN_LEFT: write(" align=\"left\">"); break;
      case MD_ALIGN_CENTER: write(" align=\"center\">"); break;
      case MD_ALIGN_RIGHT: write(" align=\"right\">"); break;
      default: write(">");
    }
  }

  void track_text_block(bool top_level) {
    if (!options_.gallery_slots || options_.plain) return;
    paragraph_.emplace();
    paragraph_->html_start = result_.html.size();
    paragraph_->top_level = top_level;
  }

  // Ends the tracked block; true when it was a top-level shortcode, now a slot instead of HTML.
  bool close_text_block() {
    if (!paragraph_) return false;
    Paragraph block = std::move(*paragraph_);
    paragraph_.reset();
    std::optional<GalleryShortcode> shortcode;
    if (block.plain_text) shortcode = parse_gallery_shortcode(block.text);
    if (!shortcode) return false;
    auto [line, column] = position(block.first_text_offset);
    shortcode->line = line;
    shortcode->column = column;
    if (!block.top_level) {
      // A gallery cannot sit inside a list or a quote: the page's blocks are whole HTML fragments.
      result_.diagnostics.push_back({Severity::Warning,
                                     "a {{gallery}} shortcode inside a list or quote stays text; "
                                     "put it on a line of its own outside the list or quote",
                                     line, column});
      return false;
    }
    result_.html.resize(block.html_start);
    result_.slots.push_back({result_.html.size(), std::move(*shortcode)});
    return true;
  }

  // data-line="N" after the tag name of the top-level block just written (a paragraph that became a
  // gallery slot left nothing to mark). Inserted at the block's start: only its own HTML moves.
  void mark_source_line() {
    std::string& html = result_.html;
    if (top_block_line_ <= 0 || top_block_start_ >= html.size() || html[top_block_start_] != '<') return;
    std::size_t name_end = top_block_start_ + 1;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    html.insert(name_end, " data-line=\"" + std::to_string(top_block_line_) + "\"");
  }

  void close_heading(unsigned level) {
    Heading heading = std::move(*heading_);
    heading_.reset();
    char open[5] = {'<', 'h', static_cast<char>('0' + level), 0, 0};
    write(open);
    if (!options_.plain) write_attribute("id", slugger_.unique(heading.text));
    write(">");
    write(heading.html);
    write("</h");
    write(std::string_view(open + 2, 1));
    write(">\n");
  }

  using Escape = void (*)(std::string&, std::string_view);

  // Writes ` name="value"` with the value escaped as text or as a URL.
  void write_attribute(std::string_view name, std::string_view value, Escape escape = append_html_escaped) {
    write(" ");
    write(name);
    write("=\"");
    escape(out(), value);
    write("\"");
  }

  void open_link(const MD_SPAN_A_DETAIL& link) {
    write("<a");
    if (auto href = apply_url_policy(attribute_text(link.href), UrlUse::Link, urls())) {
      write_attribute("href", *href, append_url_escaped);
    }
    if (link.title.text != nullptr) write_attribute("title", attribute_text(link.title));
    write(">");
  }

  void open_image(const MD_SPAN_IMG_DETAIL& image) {
    write("<img");
    if (auto src = apply_url_policy(attribute_text(image.src), UrlUse::Image, urls())) {
      write_attribute("src", *src, append_url_escaped);
    }
    write(" alt=\"");  // the description's text follows, then close_image
  }

  void close_image(const MD_SPAN_IMG_DETAIL& image) {
    write("\"");
    if (image.title.text != nullptr) write_attribute("title", attribute_text(image.title));
    write(options_.plain ? ">" : " loading=\"lazy\" decoding=\"async\">");
  }

  const UrlContext& urls() const {
    static const UrlContext kAsWritten;
    return options_.plain ? kAsWritten : options_.urls;
  }

  TextPosition position(std::ptrdiff_t offset) {
    if (!lines_) lines_.emplace(file_);
    return lines_->position(offset < 0 ? 0 : static_cast<std::size_t>(offset));
  }

  struct Heading {
    std::string html;
    std::string text;
  };

  std::string_view file_;
  const MarkdownOptions& options_;
  RenderedMarkdown result_;
  Slugger slugger_;
  std::optional<LineIndex> lines_;
  std::optional<Heading> heading_;
  std::optional<Paragraph> paragraph_;
  int image_depth_ = 0;
  int depth_ = 0;
  bool block_nesting_warned_ = false;
  bool block_nesting_warning_due_ = false;  // a container was just flattened: warn at the next text
  int raw_html_depth_ = 0;                  // elements raw HTML opened and has not closed
  bool raw_html_as_text_ = false;
  std::size_t top_block_start_ = 0;  // source_lines: where the current top-level block's HTML starts
  int top_block_line_ = 0;           // ... and the line of its first text (0: none yet; -1: not marked)
};

}  // namespace

RenderedMarkdown render_markdown(std::string_view file, std::string_view body, const MarkdownOptions& options) {
  return HtmlWriter(file, options).run(body);
}

}  // namespace stills
