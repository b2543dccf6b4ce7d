/* Search that forgives: typing slips, stop words and title-heavy ranking.
 *
 * Material's search runs lunr in a web worker. This script wraps that worker; it is listed in
 * mkdocs.yml `extra.polyfills`, so it runs before Material's bundle creates the worker, and after
 * the iframe-worker shim that stands in for workers under file:// (the offline copy).
 *
 * 1. Stop words ("to", "the", "of") leave a query that has other words. The index holds none, so
 *    they could only match as prefixes: "speech to text" ranked pages on "tools" and "topics".
 * 2. A word that matches nothing is asked again: without its ending ("converging" as the prefix "converg"),
 *    then with an edit distance of 1, then of 2 for words of six letters or more ("xgbost" as
 *    "xgbost~1" finds XGBoost). A respelling that never meets the query's other words is refused.
 *    Material still gets one answer per query, and the result count names the spelling used.
 * 3. Results are ranked by how many of the query's words a section holds, rarer words counting
 *    more (half when it holds them only scattered far apart in its body); then by those in its page keywords and its title; then by how densely it holds the words
 *    in the order typed (stop words included); then by Material's own score. A page's search boost
 *    scales these (one below 1 also scales the count of words matched).
 *
 * Nothing is fetched. Other workers, and search workers that speak another protocol (Zensical's),
 * pass through untouched.
 */
(function () {
  "use strict";

  var Native = window.Worker;
  if (typeof Native !== "function" || Native.forgiving) return;

  var SETUP = 0, QUERY = 2, RESULT = 3;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js(?:[?#].*)?$/;
  // lunr's English stop word list (the index pipeline drops these words), plus the words of a comparison
  var STOP = new Set(("a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has have he her hers " +
    "him his how however i if in into is it its just least let like likely may me might most must my neither no " +
    "nor not of off often on only or other our own rather said say says she should since so some than that the " +
    "their them then there these they this tis to too twas us wants was we were what when where which while who " +
    "whom why will with would yet you your vs versus").split(" "));
  var SYNTAX = /^[+-]|[~^:*"]/;      // lunr query syntax typed on purpose: leave such words alone
  var PLAIN = /^[a-z][a-z0-9]*$/;    // a word that may be respelled
  var MIN_RESPELL = 4;               // shorter words would match too much
  var MIN_TWO_EDITS = 6;             // words allowed two edits
  var LEAD = 25;                     // opening words of a section: what it is about (a service's purpose)
  var NEAR = 8;                      // query words this close together in a section belong together
  var SCATTERED = 0.5;               // weight of words a section holds only far apart (see scattered)
  var SUFFIXES = ["izations", "ization", "ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s",
                  "ly", "ence", "ance", "ments", "ment", "ions", "ion", "ity", "ness", "ers", "er", "ize", "ise"];

  function words(text) {
    return text.trim().split(/\s+/).filter(Boolean);
  }

  /* The query's parts as Material's tokenizer splits them, stop words dropped if others remain */
  function plan(typed) {
    var parts = [];
    words(typed).forEach(function (word) {
      if (SYNTAX.test(word)) parts.push(word);
      else word.split(/[-/]+/).filter(Boolean).forEach(function (part) { parts.push(part); });
    });
    var stop = function (part) { return STOP.has(part.toLowerCase()); };
    var kept = parts.every(stop) ? parts : parts.filter(function (part) { return !stop(part); });
    var candidates = kept.map(function (part) { return part.toLowerCase(); })
      .filter(function (part) { return PLAIN.test(part) && part.length >= MIN_RESPELL; });
    return {
      typed: typed, parts: kept, query: kept.join(" ") || typed,
      candidates: Array.from(new Set(candidates)), missing: [], found: new Set(),
      step: 0, rewrites: {}, corrections: {}, best: null,
    };
  }

  /* A word without its ending: "converging" -> "converg", which finds "convergence" */
  function stem(word) {
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (word.length - suffix.length >= MIN_RESPELL && word.slice(-suffix.length) === suffix) {
        return word.slice(0, -suffix.length);
      }
    }
    return null;
  }

  /* Ways to ask again for a word that matched nothing, gentlest first. `clause` is the term Material
     reports the word under; `matches` tells which highlighted words in a result it found */
  var RETRIES = [
    function (term) {
      var root = stem(term);
      // Material adds the trailing wildcard itself
      return root && { query: root, clause: root, matches: startsWith(root) };
    },
    function (term) {
      return { query: term + "~1", clause: term, matches: function (word) { return distance(word, term) <= 1; } };
    },
    function (term) {
      return term.length >= MIN_TWO_EDITS &&
        { query: term + "~2", clause: term, matches: function (word) { return distance(word, term) <= 2; } };
    },
  ];

  function respelled(job, rewrites) {
    return job.parts.map(function (part) {
      var lower = part.toLowerCase();
      return lower in rewrites ? rewrites[lower].query : part;
    }).join(" ");
  }

  /* Edit distance with transpositions, as lunr counts edits */
  function distance(a, b) {
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[i].push(j); continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
        rows[i].push(best);
      }
    }
    return rows[a.length][b.length];
  }

  function sections(result) {
    var all = [];
    result.items.forEach(function (group, index) {
      group.forEach(function (item) { all.push({ item: item, group: index }); });
    });
    return all;
  }

  function matchedTerms(result) {
    var found = new Set();
    sections(result).forEach(function (entry) {
      var terms = entry.item.terms || {};
      Object.keys(terms).forEach(function (term) { if (terms[term]) found.add(term); });
    });
    return found;
  }

  function marked(item) {
    var fields = [item.title, item.text].concat(Array.isArray(item.tags) ? item.tags : []);
    var seen = [];
    fields.forEach(function (field) {
      if (typeof field !== "string") return;
      field.replace(/<mark[^>]*>([^<]*)<\/mark>/g, function (_, word) {
        seen.push(word.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ""));
        return _;
      });
    });
    return seen;
  }

  /* Material reports a respelled word as missing everywhere (or under its stem). Name the word it
     found instead, the commonest one for every section (one name, so that ranking counts it once):
     results stop saying "Missing: xgbost" and the page highlights "xgboost". Returns each respelled
     term's word and the terms of the sections holding one. */
  function correct(result, rewrites) {
    var all = sections(result).filter(function (entry) { return entry.item.terms; });
    var counts = {}, corrections = {}, holders = [];
    all.forEach(function (entry) {
      entry.seen = marked(entry.item);
      Object.keys(rewrites).forEach(function (term) {
        if (!(rewrites[term].clause in entry.item.terms)) return;
        entry.seen.filter(rewrites[term].matches).forEach(function (word) {
          counts[term] = counts[term] || {};
          counts[term][word] = (counts[term][word] || 0) + 1;
        });
      });
    });
    Object.keys(counts).forEach(function (term) {
      corrections[term] = Object.keys(counts[term]).sort(function (a, b) { return counts[term][b] - counts[term][a]; })[0];
    });
    all.forEach(function (entry) {
      var terms = entry.item.terms, held = false;
      Object.keys(rewrites).forEach(function (term) {
        var clause = rewrites[term].clause;
        if (!(clause in terms)) return;
        var hit = entry.seen.some(rewrites[term].matches);
        delete terms[clause];
        terms[corrections[term] || term] = hit;   // "Missing: xgboost", not the typo
        held = held || hit;
      });
      if (held) holders.push(terms);
    });
    return { corrections: corrections, holders: holders };
  }

  function plainText(html) {
    return " " + String(html || "").replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/gi, " ")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim() + " ";
  }

  function occurrences(haystack, needle) {
    var count = 0, at = haystack.indexOf(needle);
    while (at !== -1) { count++; at = haystack.indexOf(needle, at + needle.length - 1); }
    return count;
  }

  function startsWith(term) {
    return function (word) { return word.indexOf(term) === 0; };
  }

  /* True when a section holds two or more of the query's words only far apart in its body: none in
     its title, page keywords or opening words, no two within NEAR words of each other. The chooser
     table that says "sentiment" in one row and "analysis" in another does not answer "sentiment
     analysis"; Comprehend, whose purpose says "sentiment", does. */
  function scattered(held, title, text, inTags) {
    if (held.length < 2) return false;
    var about = title.concat(text.slice(0, LEAD), inTags);
    var matches = held.map(startsWith);
    if (matches.some(function (match) { return about.some(match); })) return false;
    var last = {};   // term -> position of its latest occurrence
    for (var i = 0; i < text.length; i++) {
      for (var t = 0; t < held.length; t++) {
        if (!matches[t](text[i])) continue;
        for (var other in last) {
          if (other !== held[t] && i - last[other] <= NEAR) return false;
        }
        last[held[t]] = i;
      }
    }
    return true;
  }

  /* Rank sections by the query words they hold, rare words weighing more; then by the phrase */
  function rerank(result, job, index) {
    var all = sections(result);
    if (!all.length) return result;
    var df = {};
    all.forEach(function (entry) {
      var terms = entry.item.terms || {};
      Object.keys(terms).forEach(function (term) { if (terms[term]) df[term] = (df[term] || 0) + 1; });
    });
    var total = Math.max(index.size, all.length);
    // The words in the order typed, stop words included: "speech to text" is not "text to speech"
    var phrase = plainText(job.typed).trim();
    var phrased = phrase.indexOf(" ") !== -1 ? " " + phrase + " " : "";
    all.forEach(function (entry, order) {
      var terms = entry.item.terms || {};
      entry.order = order;
      var inTitle = marked({ title: entry.item.title }), inTags = marked({ tags: entry.item.tags });
      // A page's search boost scales what it matches: a lower one (the glossary's 0.4, the home page's
      // 0.5) also the count of words matched, a higher one only how it ranks among equal matches
      var boost = typeof entry.item.boost === "number" ? entry.item.boost : 1;
      entry.weight = entry.tagged = entry.titled = 0;
      var held = Object.keys(terms).filter(function (term) { return terms[term]; });
      // Results carry only a snippet of the text: read the whole section, once, when a rule needs it
      var doc = index.get(entry.item.location) || entry.item;
      var title = "", text = "", titleWords = [], textWords = [];
      if (held.length > 1 || phrased) {
        title = plainText(doc.title);
        text = plainText(doc.text);
        titleWords = words(title);
        textWords = words(text);
      }
      var spread = scattered(held, titleWords, textWords, inTags);
      held.forEach(function (term) {
        var weight = Math.log(1 + total / df[term]) * (spread ? SCATTERED : 1);
        entry.weight += Math.min(boost, 1) * weight;
        if (inTags.some(startsWith(term))) entry.tagged += boost * weight;
        if (inTitle.some(startsWith(term))) entry.titled += boost * weight;
      });
      entry.phrase = 0;
      if (phrased && entry.weight) {
        // In the title, or at the start of the text (what the section is about), it counts more
        var lead = " " + textWords.slice(0, 12).join(" ") + " ";
        var hits = 3 * occurrences(title, phrased) + occurrences(text, phrased) + occurrences(lead, phrased);
        entry.phrase = boost * hits / Math.sqrt(titleWords.length + textWords.length || 1);
      }
    });
    all.sort(function (a, b) {
      if (Math.abs(b.weight - a.weight) > 1e-9) return b.weight - a.weight;
      if (Math.abs(b.tagged - a.tagged) > 1e-9) return b.tagged - a.tagged;
      if (Math.abs(b.titled - a.titled) > 1e-9) return b.titled - a.titled;
      if (b.phrase !== a.phrase) return b.phrase - a.phrase;
      if (b.item.score !== a.item.score) return b.item.score - a.item.score;
      return a.order - b.order;
    });
    var groups = new Map();
    all.forEach(function (entry) {
      if (!groups.has(entry.group)) groups.set(entry.group, []);
      groups.get(entry.group).push(entry.item);
    });
    result.items = Array.from(groups.values());
    return result;
  }

  function ForgivingSearch(inner) {
    var target = new EventTarget();
    var self = this;
    this.inner = inner;
    this.onmessage = null;
    this.onerror = null;
    this.onmessageerror = null;
    this.active = false;   // true once the setup message shows Material's protocol
    this.index = new Map();   // location -> the section's document, as indexed
    this.current = null;
    this.pending = [];
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    inner.addEventListener("message", function (event) { self.receive(event.data); });
    ["error", "messageerror"].forEach(function (type) {
      inner.addEventListener(type, function (event) {
        var copy = type === "error"
          ? new ErrorEvent("error", { message: event.message, filename: event.filename, lineno: event.lineno,
                                      colno: event.colno, error: event.error })
          : new MessageEvent("messageerror", { data: event.data });
        self.dispatchEvent(copy);
        if (typeof self["on" + type] === "function") self["on" + type](copy);
      });
    });
  }

  ForgivingSearch.prototype.postMessage = function (message, transfer) {
    if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
      this.active = true;
      this.index = new Map(message.data.docs.map(function (doc) { return [doc.location, doc]; }));
    }
    if (this.active && message && message.type === QUERY && typeof message.data === "string") {
      this.current = plan(message.data);
      this.ask(this.current, this.current.query, null);
      return;
    }
    if (transfer === undefined) this.inner.postMessage(message);
    else this.inner.postMessage(message, transfer);
  };

  ForgivingSearch.prototype.ask = function (job, query, rewrites) {
    this.pending.push({ job: job, rewrites: rewrites });
    this.inner.postMessage({ type: QUERY, data: query });
  };

  ForgivingSearch.prototype.receive = function (data) {
    if (!(this.active && data && data.type === RESULT && this.pending.length)) {
      this.emit(data);
      return;
    }
    var asked = this.pending.shift(), job = asked.job, result = data.data;
    if (job !== this.current) return;   // a newer query's answer is on its way
    if (!result || !Array.isArray(result.items)) { this.emit(data); return; }
    if (!asked.rewrites) {
      job.best = data;
      job.found = matchedTerms(result);
      job.missing = job.candidates.filter(function (term) { return !job.found.has(term); });
    } else {
      var fixed = correct(result, asked.rewrites);
      var respelt = Object.keys(fixed.corrections).filter(function (term) { return !(term in job.corrections); });
      // A respelling must sit beside a word the query already found, if it found any:
      // "loss not converging" must not become "loss converting"
      var beside = !job.found.size || fixed.holders.some(function (terms) {
        return Array.from(job.found).some(function (term) { return terms[term]; });
      });
      if (respelt.length && beside) {
        job.best = data;
        job.corrections = fixed.corrections;
        respelt.forEach(function (term) { job.rewrites[term] = asked.rewrites[term]; });
        job.missing = job.missing.filter(function (term) { return !(term in fixed.corrections); });
      }
      job.step++;
    }
    if (this.retry(job)) return;
    this.emit(Object.assign({}, job.best, { data: rerank(job.best.data, job, this.index) }));
    this.note(job.corrections);
  };

  /* Ask again for the words still missing, in the next gentlest way; false when nothing is left to try */
  ForgivingSearch.prototype.retry = function (job) {
    for (; job.missing.length && job.step < RETRIES.length; job.step++) {
      var rewrites = Object.assign({}, job.rewrites), fresh = 0;
      job.missing.forEach(function (term) {
        var rewrite = RETRIES[job.step](term);
        if (rewrite) { rewrites[term] = rewrite; fresh++; }
      });
      if (fresh) {
        this.ask(job, respelled(job, rewrites), rewrites);
        return true;
      }
    }
    return false;
  };

  ForgivingSearch.prototype.emit = function (data) {
    var event = new MessageEvent("message", { data: data });
    this.dispatchEvent(event);
    if (typeof this.onmessage === "function") this.onmessage(event);
  };

  /* Say which spelling the results are for, after Material has written the result count */
  ForgivingSearch.prototype.note = function (corrections) {
    var used = Object.keys(corrections).map(function (term) { return corrections[term]; });
    var meta = document.querySelector(".md-search-result__meta");
    if (!used.length || !meta) return;
    meta.textContent = meta.textContent.trim() + " for \u201c" + used.join(" ") + "\u201d";
  };

  ForgivingSearch.prototype.terminate = function () {
    this.inner.terminate();
  };

  function Worker(url, options) {
    var inner = options === undefined ? new Native(url) : new Native(url, options);
    return SEARCH_WORKER.test(String(url)) ? new ForgivingSearch(inner) : inner;
  }
  Worker.prototype = Native.prototype;
  Worker.forgiving = true;
  window.Worker = Worker;
})();
