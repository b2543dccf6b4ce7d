// Practice mode: checks answers, keeps progress, runs the flashcards and the timed mock exams.
// Plain JavaScript, no library and no network: progress lives in this browser's localStorage only.
// The pages (rendered by macros/practice.py) carry everything needed as data attributes: question
// slugs and task tags, answer keys, exam domains and weights, mock-exam quotas.
(function () {
  "use strict";

  var KEY = "mls-c01-study.practice.v1";
  var DAY = 86400000;
  var BOX_DAYS = [0, 1, 3, 7, 14, 30]; // Leitner boxes 1-5: days until a card marked "good" is due again
  var LETTERS = "ABCDEFGHIJKLMNOP";
  var memory = null; // used when the browser refuses storage (private modes, file:// policies)

  // ---- Storage ------------------------------------------------------------------------

  function fresh() {
    return { answers: {}, cards: {}, mocks: {} };
  }

  function load() {
    try {
      var raw = window.localStorage.getItem(KEY);
      var state = raw ? JSON.parse(raw) : fresh();
      state.answers = state.answers || {};
      state.cards = state.cards || {};
      state.mocks = state.mocks || {};
      return state;
    } catch (error) {
      return memory || fresh();
    }
  }

  function save(state) {
    memory = state;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* storage refused: keep progress for this page view only */
    }
  }

  function update(change) {
    var state = load();
    change(state);
    save(state);
    return state;
  }

  // ---- Helpers ------------------------------------------------------------------------

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function percent(right, answered) {
    return answered ? Math.round((100 * right) / answered) + "%" : "–";
  }

  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var keep = items[i];
      items[i] = items[j];
      items[j] = keep;
    }
    return items;
  }

  function examTasks(tags, exam) {
    // "MLS-C01:3.2 MLA-C02:2.1" -> the task ids of `exam`: ["3.2"]
    return (tags || "").split(" ").filter(function (tag) {
      return tag.indexOf(exam + ":") === 0;
    }).map(function (tag) {
      return tag.slice(exam.length + 1);
    });
  }

  function formatDay(time) {
    return new Date(time).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  }

  // ---- One question ---------------------------------------------------------------------

  function readPick(form) {
    if (form.dataset.kind === "single" || form.dataset.kind === "multiple") {
      return all("input:checked", form).map(function (input) { return input.value; });
    }
    return all("select", form).map(function (select) { return select.value; });
  }

  function complete(form, pick) {
    if (form.dataset.kind === "single" || form.dataset.kind === "multiple") return pick.length > 0;
    return pick.every(function (value) { return value !== ""; });
  }

  function isRight(form, pick) {
    return pick.join(" ") === form.dataset.answer;
  }

  function applyPick(form, pick) {
    if (form.dataset.kind === "single" || form.dataset.kind === "multiple") {
      all("input", form).forEach(function (input) { input.checked = pick.indexOf(input.value) >= 0; });
    } else {
      all("select", form).forEach(function (select, i) { select.value = pick[i] || ""; });
    }
  }

  function clearMarks(form) {
    form.classList.remove("pq-done", "pq-right", "pq-wrong");
    all(".pq-mark", form).forEach(function (mark) { mark.remove(); });
    all(".pq-correct, .pq-mistake", form).forEach(function (el) { el.classList.remove("pq-correct", "pq-mistake"); });
    var result = form.querySelector(".pq-result");
    if (result) result.textContent = "";
  }

  function mark(el, cls, text) {
    el.classList.add(cls);
    var note = document.createElement("span");
    note.className = "pq-mark";
    note.textContent = text;
    el.appendChild(note);
  }

  function answerLetters(form) {
    return form.dataset.answer.split(" ").map(function (i) { return LETTERS[Number(i)]; }).join(", ");
  }

  // Show right or wrong on the question itself: the verdict, marks on the options, the answer block
  function showVerdict(form, pick, openAnswer) {
    clearMarks(form);
    var ok = isRight(form, pick);
    form.classList.add("pq-done", ok ? "pq-right" : "pq-wrong");
    var key = form.dataset.answer.split(" ");
    if (form.dataset.kind === "single" || form.dataset.kind === "multiple") {
      all("label.pq-option", form).forEach(function (label) {
        var value = label.querySelector("input").value;
        var chosen = pick.indexOf(value) >= 0;
        if (key.indexOf(value) >= 0) mark(label, "pq-correct", chosen ? " ✓ right answer, your pick" : " ✓ right answer");
        else if (chosen) mark(label, "pq-mistake", " ✗ your pick, wrong");
      });
    } else {
      all(".pq-row", form).forEach(function (row, i) {
        if (pick[i] === key[i]) mark(row, "pq-correct", " ✓");
        else mark(row, "pq-mistake", " ✗");
      });
    }
    var result = form.querySelector(".pq-result");
    var wrong = form.dataset.kind === "single" || form.dataset.kind === "multiple"
      ? "Wrong. The answer is " + answerLetters(form) + "."
      : "Not quite: the rows marked ✗ are wrong. See the answer below.";
    result.textContent = ok ? "Right." : wrong;
    var details = form.querySelector("details.pq-answer");
    if (details) {
      details.hidden = false;
      if (openAnswer) details.open = true;
    }
    return ok;
  }

  function record(state, form, pick, ok) {
    state.answers[form.dataset.question] = {
      ok: ok, pick: pick, tasks: form.dataset.tasks, t: Date.now()
    };
  }

  // ---- Progress tables ------------------------------------------------------------------

  function tally(state, exam, taskIds) {
    var answered = 0;
    var right = 0;
    Object.keys(state.answers).forEach(function (slug) {
      var entry = state.answers[slug];
      var tasks = examTasks(entry.tasks, exam);
      if (tasks.some(function (task) { return taskIds.indexOf(task) >= 0; })) {
        answered += 1;
        if (entry.ok) right += 1;
      }
    });
    return { answered: answered, right: right };
  }

  function fill(row, counts) {
    row.querySelector('[data-cell="answered"]').textContent = String(counts.answered);
    row.querySelector('[data-cell="right"]').textContent = String(counts.right);
    row.querySelector('[data-cell="score"]').textContent = percent(counts.right, counts.answered);
  }

  function refreshProgress(state) {
    all(".pq-progress[data-exam]").forEach(function (section) {
      var exam = section.dataset.exam;
      var weighted = 0;
      var weights = 0;
      var everyTask = [];
      all("tr[data-domain]", section).forEach(function (row) {
        var tasks = row.dataset.tasks.split(" ");
        everyTask = everyTask.concat(tasks);
        var counts = tally(state, exam, tasks);
        fill(row, counts);
        if (counts.answered) {
          weighted += Number(row.dataset.weight) * counts.right / counts.answered;
          weights += Number(row.dataset.weight);
        }
      });
      all("tr[data-task]", section).forEach(function (row) {
        fill(row, tally(state, exam, [row.dataset.task]));
      });
      var total = section.querySelector("tr[data-total]");
      if (total) {
        var counts = tally(state, exam, everyTask);
        fill(total, counts);
        total.querySelector('[data-cell="score"]').textContent =
          weights ? Math.round((100 * weighted) / weights) + "%" : "–";
      }
    });
  }

  // ---- Practice pages: check, filter, reset -----------------------------------------------

  function practiceForms() {
    return all("form.pq").filter(function (form) { return !form.closest(".pq-pool, .pq-mock-questions"); });
  }

  function setupQuestions() {
    var state = load();
    practiceForms().forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      var button = form.querySelector('button[type="submit"]');
      button.hidden = false;
      var saved = state.answers[form.dataset.question];
      if (saved && saved.pick) {
        applyPick(form, saved.pick);
        showVerdict(form, saved.pick, false);
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var pick = readPick(form);
        if (!complete(form, pick)) {
          clearMarks(form);
          form.querySelector(".pq-result").textContent =
            form.dataset.kind === "single" || form.dataset.kind === "multiple"
              ? "Choose an answer first." : "Fill in every row first.";
          return;
        }
        var ok = showVerdict(form, pick, true);
        refreshProgress(update(function (s) { record(s, form, pick, ok); }));
      });
      form.addEventListener("change", function () {
        if (form.classList.contains("pq-done")) clearMarks(form);
      });
    });
    refreshProgress(state);
  }

  function setupFilter() {
    var filter = document.querySelector("form.pq-filter");
    if (!filter || filter.dataset.ready) return;
    filter.dataset.ready = "1";
    filter.hidden = false;
    var exam = filter.dataset.exam;
    var fields = { domain: filter.elements.domain, task: filter.elements.task, review: filter.elements.review };
    var params = new URLSearchParams(window.location.search);
    Object.keys(fields).forEach(function (name) {
      var wanted = params.get(name);
      if (wanted !== null && all("option", fields[name]).some(function (o) { return o.value === wanted; })) {
        fields[name].value = wanted;
      }
    });
    // One domain at a time unless the address asks for more: the page stays light on a phone.
    // The first domain, or the one holding the address's #anchor; "All domains" is one choice away.
    var firstDomain = fields.domain.options[1] ? fields.domain.options[1].value : "";
    var asked = Object.keys(fields).some(function (name) { return params.has(name); });
    if (!asked) fields.domain.value = domainOf(hashTarget()) || firstDomain;

    function hashTarget() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      return id ? document.getElementById(id) : null;
    }

    function domainOf(element) {
      if (!element) return "";
      if (element.dataset.task && !element.dataset.domain) return element.dataset.task.split(".")[0];
      var holder = element.closest("[data-domain]");
      return holder ? holder.dataset.domain : "";
    }

    function apply() {
      var state = load();
      var domain = fields.domain.value;
      var task = fields.task.value;
      var review = fields.review.value;
      var forms = practiceForms();
      var shown = 0;
      forms.forEach(function (form) {
        var tasks = examTasks(form.dataset.tasks, exam);
        var saved = state.answers[form.dataset.question];
        var show = (!domain || tasks.some(function (t) { return t.split(".")[0] === domain; }))
          && (!task || tasks.indexOf(task) >= 0)
          && (review !== "mistakes" || (saved && !saved.ok))
          && (review !== "unanswered" || !saved);
        form.hidden = !show;
        if (show) shown += 1;
      });
      var filtering = Boolean(domain || task || review);
      all(".pq-group").forEach(function (group) {
        var visible = group.querySelector("form.pq:not([hidden])");
        group.hidden = filtering && !visible;
        var heading = document.getElementById(group.dataset.heading);
        if (heading) heading.hidden = group.hidden;
        all(".pq-empty", group).forEach(function (empty) { empty.hidden = filtering; });
      });
      all("h2[data-domain]").forEach(function (heading) {
        var groups = all('.pq-group[data-domain="' + heading.dataset.domain + '"]');
        heading.hidden = groups.every(function (group) { return group.hidden; });
      });
      var status = filter.querySelector(".pq-filter-status");
      var answered = forms.filter(function (form) { return state.answers[form.dataset.question]; }).length;
      status.textContent = review === "mistakes" && shown === 0
        ? (answered === 0 ? "No mistakes to review: you have not checked an answer on this page yet."
          : "No mistakes to review" + (domain || task ? " in this selection." : ": every answer you gave is right."))
        : "Showing " + shown + " of " + forms.length + " questions.";
      var query = new URLSearchParams();
      Object.keys(fields).forEach(function (name) { if (fields[name].value) query.set(name, fields[name].value); });
      if (domain === firstDomain && !task && !review) query.delete("domain"); // the default view
      else if (!domain) query.set("domain", ""); // every domain, chosen on purpose
      var search = query.toString();
      try {
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      } catch (error) {
        /* some file:// contexts refuse history changes; the filter still works */
      }
    }

    filter.addEventListener("change", apply);
    filter.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", function () {
      var target = hashTarget();
      if (!target || !target.closest("[hidden]")) return;
      fields.domain.value = domainOf(target);
      fields.task.value = "";
      fields.review.value = "";
      apply();
      target.scrollIntoView();
    });
    filter.querySelector('[data-action="reset-exam"]').addEventListener("click", function () {
      var forms = practiceForms();
      if (!window.confirm("Clear your answers to the " + forms.length + " " + exam + " questions on this page?")) return;
      var state = update(function (s) {
        forms.forEach(function (form) { delete s.answers[form.dataset.question]; });
      });
      forms.forEach(function (form) {
        form.reset();
        clearMarks(form);
        var details = form.querySelector("details.pq-answer");
        if (details) details.open = false;
      });
      refreshProgress(state);
      apply();
      filter.querySelector(".pq-filter-status").textContent = "Your " + exam + " answers are cleared.";
    });
    apply();
    filter.parentElement.classList.add("pq-filtered"); // from now on the filter decides what shows
    if (!asked && hashTarget()) hashTarget().scrollIntoView();
  }

  // ---- Practice home: links, summaries, reset ---------------------------------------------

  function setupOverview() {
    var state = load();
    all("a.pq-review-link").forEach(function (link) {
      if (link.dataset.ready) return;
      link.dataset.ready = "1";
      link.href = link.href.split("?")[0] + "?review=mistakes";
    });
    all("a.pq-mock-link").forEach(function (link) {
      var run = state.mocks[link.dataset.exam];
      var note = link.parentNode.querySelector(".pq-last-mock");
      if (note) note.remove();
      if (run && run.done && run.result) {
        note = document.createElement("span");
        note.className = "pq-last-mock";
        note.textContent = " (last result: " + run.result.right + " of " + run.result.total + ", "
          + formatDay(run.result.at) + ")";
        link.parentNode.appendChild(note);
      }
    });
    var summary = document.querySelector(".fc-summary[data-cards]");
    if (summary) {
      var now = Date.now();
      var ids = Object.keys(state.cards);
      var due = ids.filter(function (id) { return state.cards[id].due <= now; }).length;
      var total = Number(summary.dataset.cards);
      summary.textContent = total + " cards from the decision tables and the glossary: " + ids.length
        + " seen, " + due + " due for review, " + Math.max(total - ids.length, 0) + " new.";
    }
    var reset = document.querySelector(".pq-reset-all");
    if (reset && !reset.dataset.ready) {
      reset.dataset.ready = "1";
      reset.hidden = false;
      reset.querySelector("button").addEventListener("click", function () {
        if (!window.confirm("Clear every answer, flashcard mark and mock exam result kept in this browser?")) return;
        memory = null;
        try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing stored */ }
        refreshProgress(load());
        setupOverview();
        reset.querySelector('[role="status"]').textContent = "All progress is cleared.";
      });
    }
    refreshProgress(state);
  }

  // ---- Flashcards -------------------------------------------------------------------------

  function setupFlashcards() {
    var app = document.querySelector(".fc-app");
    if (!app || app.dataset.ready) return;
    app.dataset.ready = "1";
    app.hidden = false;
    var cards = all(".fc-card").map(function (el) {
      return { id: el.dataset.card, deck: el.dataset.deck, exams: (el.dataset.exams || "").split(" "), el: el };
    });
    var deck = app.querySelector("#fc-deck");
    var examSelect = app.querySelector("#fc-exam");
    var stats = app.querySelector(".fc-stats");
    var context = app.querySelector(".fc-context-now");
    var front = app.querySelector(".fc-front-now");
    var back = app.querySelector(".fc-back-now");
    var buttons = {};
    all("button[data-action]", app).forEach(function (b) { buttons[b.dataset.action] = b; });
    var ahead = false;
    var current = null;

    function chosen() {
      return cards.filter(function (card) {
        return (!deck.value || card.deck === deck.value)
          && (!examSelect || !examSelect.value || card.exams.indexOf(examSelect.value) >= 0);
      });
    }

    function queue(state) {
      var now = Date.now();
      var pool = chosen();
      var seen = pool.filter(function (c) { return state.cards[c.id]; });
      var byDue = function (a, b) { return state.cards[a.id].due - state.cards[b.id].due; };
      var due = seen.filter(function (c) { return state.cards[c.id].due <= now; }).sort(byDue);
      var fresh = pool.filter(function (c) { return !state.cards[c.id]; });
      var later = seen.filter(function (c) { return state.cards[c.id].due > now; }).sort(byDue);
      return { due: due, fresh: fresh, later: later, next: ahead ? due.concat(fresh, later) : due.concat(fresh) };
    }

    function show(focus) {
      var state = load();
      var q = queue(state);
      stats.textContent = "Due now: " + q.due.length + ". New: " + q.fresh.length + ". Not due yet: "
        + q.later.length + ".";
      current = q.next[0] || null;
      back.hidden = true;
      back.innerHTML = "";
      buttons.again.hidden = true;
      buttons.good.hidden = true;
      buttons.show.hidden = !current;
      buttons.ahead.hidden = Boolean(current) || q.later.length === 0;
      if (!current) {
        context.textContent = "";
        front.textContent = q.later.length
          ? "No cards are due. The next one is due on " + formatDay(state.cards[q.later[0].id].due) + "."
          : "No cards match this choice.";
        ahead = false;
      } else {
        var saved = state.cards[current.id];
        context.textContent = current.el.querySelector(".fc-context").textContent
          + (saved ? " · box " + saved.box + " of 5" : " · new card");
        front.textContent = current.el.querySelector(".fc-front").textContent;
      }
      if (focus) front.focus();
    }

    function reveal() {
      if (!current) return;
      back.innerHTML = all(":scope > :not(summary)", current.el).map(function (el) { return el.outerHTML; }).join("");
      back.hidden = false;
      buttons.show.hidden = true;
      buttons.again.hidden = false;
      buttons.good.hidden = false;
      back.focus();
    }

    function grade(good) {
      if (!current) return;
      var id = current.id;
      update(function (state) {
        var saved = state.cards[id] || { box: 0 };
        var box = good ? Math.min(saved.box + 1, 5) : 1;
        state.cards[id] = { box: box, due: Date.now() + (good ? BOX_DAYS[box] * DAY : 0) };
      });
      show(true);
    }

    buttons.show.addEventListener("click", reveal);
    buttons.again.addEventListener("click", function () { grade(false); });
    buttons.good.addEventListener("click", function () { grade(true); });
    buttons.ahead.addEventListener("click", function () { ahead = true; show(true); });
    buttons["reset-cards"].addEventListener("click", function () {
      if (!window.confirm("Clear every flashcard mark kept in this browser?")) return;
      update(function (state) { state.cards = {}; });
      show(true);
      stats.textContent = "Your flashcard marks are cleared. " + stats.textContent;
    });
    deck.addEventListener("change", function () { show(false); });
    if (examSelect) examSelect.addEventListener("change", function () { show(false); });
    show(false);
  }

  // ---- Timed mock exam ------------------------------------------------------------------------

  function setupMock() {
    var section = document.querySelector(".pq-mock");
    if (!section || section.dataset.ready) return;
    section.dataset.ready = "1";
    var exam = section.dataset.exam;
    var minutes = Number(section.dataset.minutes);
    var pool = document.querySelector(".pq-pool");
    var list = document.querySelector(".pq-mock-questions");
    var controls = section.querySelector(".pq-mock-controls");
    var start = section.querySelector('[data-action="start-mock"]');
    var finish = section.querySelector('[data-action="finish-mock"]');
    var timer = section.querySelector(".pq-timer");
    var status = section.querySelector(".pq-mock-status");
    var review = section.querySelector(".pq-mock-review");
    var ticking = null;
    var warned = {};
    controls.hidden = false;

    function byId(slug) {
      return document.getElementById("m-" + slug);
    }

    function draw() {
      var slugs = [];
      all("tr[data-quota]", section).forEach(function (row) {
        var candidates = all('form.pq[data-domain="' + row.dataset.domain + '"]', pool);
        slugs = slugs.concat(shuffle(candidates).slice(0, Number(row.dataset.quota)).map(function (form) {
          return form.dataset.question;
        }));
      });
      return shuffle(slugs);
    }

    function clock(ms) {
      var s = Math.max(0, Math.round(ms / 1000));
      var h = Math.floor(s / 3600);
      var m = Math.floor((s % 3600) / 60);
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s % 60);
    }

    function tick() {
      var run = load().mocks[exam];
      if (!run || run.done) return stopClock();
      var left = run.deadline - Date.now();
      timer.textContent = "Time left: " + clock(left);
      [10, 5, 1].forEach(function (mins) {
        if (left <= mins * 60000 && left > (mins * 60000 - 5000) && !warned[mins]) {
          warned[mins] = true;
          status.textContent = mins + (mins === 1 ? " minute" : " minutes") + " left.";
        }
      });
      if (left <= 0) finishRun("Time is up.");
    }

    function stopClock() {
      if (ticking) window.clearInterval(ticking);
      ticking = null;
    }

    function layout(run) {
      // Return any earlier draw to the pool, then lay out this one in its order
      all("form.pq", list).forEach(function (form) { pool.appendChild(form); });
      run.slugs.forEach(function (slug, i) {
        var form = byId(slug);
        if (!form) return;
        form.reset();
        clearMarks(form);
        form.querySelector(".pq-num").textContent = "Question " + (i + 1) + " of " + run.slugs.length;
        var details = form.querySelector("details.pq-answer");
        details.open = false;
        details.hidden = !run.done;
        if (run.picks[slug]) applyPick(form, run.picks[slug]);
        list.appendChild(form);
      });
    }

    function showResult(run) {
      var result = run.result;
      all("tr[data-domain]", section).forEach(function (row) {
        var counts = result.domains[row.dataset.domain] || { right: 0, total: 0 };
        row.querySelector('[data-cell="right"]').textContent = counts.right + " of " + counts.total;
        row.querySelector('[data-cell="score"]').textContent = percent(counts.right, counts.total);
      });
      review.innerHTML = "";
      run.slugs.forEach(function (slug, i) {
        var form = byId(slug);
        if (!form) return;
        var pick = run.picks[slug] || [];
        showVerdict(form, pick, false);
        if (!complete(form, pick)) form.querySelector(".pq-result").textContent = "Not answered. The answer is below.";
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#m-" + slug;
        link.textContent = "Question " + (i + 1) + " (domain " + form.dataset.domain + "): "
          + (isRight(form, pick) ? "right" : complete(form, pick) ? "wrong" : "not answered");
        item.appendChild(link);
        review.appendChild(item);
      });
      review.hidden = false;
      timer.hidden = true;
      finish.hidden = true;
      start.hidden = false;
      start.textContent = "Start a new mock exam";
      status.textContent = "You got " + result.right + " of " + result.total + " right ("
        + percent(result.right, result.total) + "). AWS reports a scaled score from 100 to 1,000 and "
        + section.dataset.passing + " passes, so a percentage is only a rough guide. Review each question below.";
    }

    function finishRun(why) {
      stopClock();
      var state = update(function (s) {
        var run = s.mocks[exam];
        if (!run || run.done) return;
        var domains = {};
        var right = 0;
        run.slugs.forEach(function (slug) {
          var form = byId(slug);
          if (!form) return;
          var pick = readPick(form);
          run.picks[slug] = pick;
          var ok = isRight(form, pick);
          var d = form.dataset.domain;
          domains[d] = domains[d] || { right: 0, total: 0 };
          domains[d].total += 1;
          if (ok) { domains[d].right += 1; right += 1; }
          if (complete(form, pick)) record(s, form, pick, ok);
        });
        run.done = true;
        run.result = { at: Date.now(), right: right, total: run.slugs.length, domains: domains };
      });
      var run = state.mocks[exam];
      layout(run);
      showResult(run);
      if (why) status.textContent = why + " " + status.textContent;
      status.focus();
    }

    function begin(run) {
      layout(run);
      review.hidden = true;
      review.innerHTML = "";
      start.hidden = true;
      finish.hidden = false;
      timer.hidden = false;
      all("tr[data-domain]", section).forEach(function (row) {
        row.querySelector('[data-cell="right"]').textContent = "–";
        row.querySelector('[data-cell="score"]').textContent = "–";
      });
      status.textContent = run.slugs.length + " questions, " + minutes + " minutes. The clock is running.";
      tick();
      ticking = window.setInterval(tick, 1000);
    }

    list.addEventListener("change", function (event) {
      var form = event.target.closest("form.pq");
      if (!form) return;
      update(function (s) {
        var run = s.mocks[exam];
        if (run && !run.done) run.picks[form.dataset.question] = readPick(form);
      });
    });
    list.addEventListener("submit", function (event) { event.preventDefault(); });
    start.addEventListener("click", function () {
      warned = {};
      var state = update(function (s) {
        s.mocks[exam] = { slugs: draw(), deadline: Date.now() + minutes * 60000, picks: {}, done: false };
      });
      begin(state.mocks[exam]);
      var first = list.querySelector("form.pq input, form.pq select");
      if (first) first.focus();
    });
    finish.addEventListener("click", function () {
      var run = load().mocks[exam];
      var open = run ? run.slugs.filter(function (slug) {
        var form = byId(slug);
        return form && !complete(form, readPick(form));
      }).length : 0;
      if (open && !window.confirm(open + " questions have no answer. Finish and score anyway?")) return;
      finishRun("");
    });
    status.tabIndex = -1;

    var saved = load().mocks[exam];
    if (saved && saved.slugs) {
      if (saved.done) {
        layout(saved);
        showResult(saved);
      } else if (saved.deadline <= Date.now()) {
        layout(saved);
        finishRun("Time ran out while you were away.");
      } else {
        begin(saved);
      }
    }
  }

  function init() {
    setupQuestions();
    setupFilter();
    setupOverview();
    setupFlashcards();
    setupMock();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
