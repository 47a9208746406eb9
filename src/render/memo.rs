//! Rendering what documents share once: `memo(m.section, s)` in a template
//! calls the macro `section` of the module imported as `m` with `s`, and
//! keeps the output for the next document whose inputs to that macro are
//! the same.
//!
//! A vendor's fleet is hundreds of customers bound to the same services: in
//! one service, language and format, most sections of a notice say the same
//! thing for every customer. Rendering them once per fleet instead of once
//! per document is most of the work saved (issue: fleet performance).
//!
//! Correctness rests on knowing everything a macro's output depends on:
//! - its arguments;
//! - the variables of the page's context that it (or a macro it calls)
//!   names: found once per macro from the template's source, with
//!   minijinja's own analysis of undeclared variables (macros enclose the
//!   values of the names they use when they are defined, so what they read
//!   is exactly what they name);
//! - `lang`, which the global `t()` reads from the context.
//!
//! The cache key hashes all of these (128 bits, values compared by kind,
//! text and whether they are safe markup), so a hit returns exactly what
//! the call would have returned. A notice page's context variables come
//! with fingerprints of their own ([`super::context`]), which stand in
//! for hashing their values. A macro the analysis cannot vouch for (it
//! names a variable set at the top of its template, or its source cannot
//! be split into macros) is simply called every time. Outputs are kept once
//! their key has been seen twice, so what is unique to one customer (its
//! controller, its contacts) does not fill the memory.
//!
//! The calls a page's own template makes are noted, in order, with what
//! each depends on ([`PageGuard::take_calls`]): where a page's shared
//! sections are ([`spans`]) is what a bundle's zip compresses once.
//!
//! A page whose sections are all kept needs none of its macros, yet
//! importing their module defines every one of them anew. Such a page is
//! rendered from a twin without the import ([`without_imports`]), and
//! again from its template only if the twin needed a macro after all.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use minijinja::value::{Rest, Value, ValueKind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State};

use crate::fingerprint::{ByFingerprint, Fingerprinter, Gathered, SeenTwice};

/// What one macro depends on, found from the source once.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Plan {
    /// The context variables the output depends on, sorted.
    Depends(Vec<String>),
    /// The analysis cannot vouch for this macro: always call it.
    Uncached,
}

/// A macro's plan, and the template that defines it.
struct Planned {
    plan: Plan,
    template: String,
}

/// The shared outputs of one renderer (one run).
pub struct Memo {
    /// Tells this memo's outputs in [`RECENT`] from another's (a renderer
    /// made anew with other templates, in `watch` or `serve`).
    id: u64,
    plans: Mutex<ByFingerprint<Arc<Planned>>>,
    analyses: Mutex<HashMap<String, Arc<Analysis>>>,
    /// [`ImportNames`] by module.
    import_names: Mutex<HashMap<String, Value>>,
    /// How each page template's twin has fared, by the template's name.
    twins: Mutex<ByFingerprint<TwinTally>>,
    outputs: SeenTwice<Value>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl Default for Memo {
    fn default() -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        Memo {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            plans: Mutex::default(),
            analyses: Mutex::default(),
            import_names: Mutex::default(),
            twins: Mutex::default(),
            outputs: SeenTwice::default(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }
}

/// How many outputs [`RECENT`] holds per thread.
const RECENT_CAPACITY: usize = 256;

/// The last outputs rendered on one thread, whichever memo they were
/// rendered for: `(memo id, key)` to output, and the keys oldest first.
#[derive(Default)]
struct Recent {
    outputs: HashMap<(u64, u128), Value>,
    order: std::collections::VecDeque<(u64, u128)>,
}

/// How often a kept output was reused and how often a macro was called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemoStats {
    pub hits: u64,
    pub misses: u64,
}

thread_local! {
    /// The page being rendered on this thread: its context, the hashes
    /// of its variables computed so far, and its own `memo()` calls.
    static PAGE: std::cell::RefCell<Option<Page>> =
        const { std::cell::RefCell::new(None) };

    /// Each thread's copy of the plans of one memo (its id first), by the
    /// page and the macro: looked up on every `memo()` call, where the
    /// shared map's lock was taken by both threads in turn. Another memo's
    /// call (a renderer made anew in `watch` or `serve`) starts it afresh,
    /// so it holds one renderer's plans, not every one's.
    static PLANS: std::cell::RefCell<(u64, ByFingerprint<Arc<Planned>>)> =
        std::cell::RefCell::new((u64::MAX, ByFingerprint::default()));

    /// Outputs rendered lately on this thread, kept whether or not they
    /// were seen before. A customer's own sections (its controller, its
    /// DPO) say the same in each of its services, whose pages a bundle
    /// renders one after another; kept only from their second sight, they
    /// were rendered twice for every customer, language and format. Few
    /// and bounded, so a fleet does not hold every customer's sections.
    static RECENT: std::cell::RefCell<Recent> = std::cell::RefCell::new(Recent::default());
}

/// While alive, `memo()` calls on this thread read `root` as the page's
/// context. The renderer holds one around each page it renders.
pub struct PageGuard {
    previous: Option<Page>,
}

/// The page being rendered on a thread: its context, the hashes of its
/// variables computed so far, and the `memo()` calls made by the page
/// itself (not by a macro that a call runs).
struct Page {
    root: Value,
    hashes: ByName,
    /// How many `memo()` calls are running: a call made inside another is
    /// part of that one's output.
    depth: u32,
    calls: Vec<Call>,
    /// Set when a page rendered without its imports used one for more than
    /// a kept output ([`ImportNames`]): it must be rendered again with them.
    needs_imports: bool,
    /// The kept outputs this render of the page took, to be uncounted if
    /// it is done again.
    hits: u64,
}

impl Page {
    fn new(root: Value, hashes: ByName) -> Page {
        Page {
            root,
            hashes,
            depth: 0,
            calls: Vec::new(),
            needs_imports: false,
            hits: 0,
        }
    }
}

/// A `memo()` call of a page's own template, in the order made: what it
/// wrote and what it depends on. The same whether its output was kept or
/// rendered, so what a page's calls say depends on the page alone.
#[derive(Clone)]
pub struct Call {
    pub output: Value,
    planned: Arc<Planned>,
}

impl Call {
    /// The context variables the output depends on (besides the call's
    /// arguments), or `None` when the analysis cannot tell.
    pub fn depends(&self) -> Option<&[String]> {
        match &self.planned.plan {
            Plan::Depends(deps) => Some(deps),
            Plan::Uncached => None,
        }
    }
}

/// The hashes of a page's variables, by name. Names are short and few, so
/// FNV-1a (not SipHash, which showed in the profile) hashes them.
type ByName = HashMap<Arc<str>, u128, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl PageGuard {
    /// Whether the page, rendered without its imports, needed them.
    pub fn needs_imports(&self) -> bool {
        PAGE.with(|p| p.borrow().as_ref().is_some_and(|page| page.needs_imports))
    }

    /// Forgets a render of the page that is to be done again: its calls,
    /// whether it needed its imports and how many kept outputs it took
    /// (returned). The hashes of its variables stay.
    pub fn restart(&self) -> u64 {
        PAGE.with(|p| {
            let mut p = p.borrow_mut();
            let Some(page) = p.as_mut() else {
                return 0;
            };
            page.calls.clear();
            page.depth = 0;
            page.needs_imports = false;
            std::mem::take(&mut page.hits)
        })
    }

    pub fn enter(root: Value) -> PageGuard {
        let previous = PAGE.with(|p| p.borrow_mut().replace(Page::new(root, ByName::default())));
        PageGuard { previous }
    }

    /// Puts `calls` in place of the page's calls so far, which are
    /// returned: debug builds render a page twice and keep the first
    /// render's calls.
    #[cfg(debug_assertions)]
    pub fn replace_calls(&self, calls: Vec<Call>) -> Vec<Call> {
        PAGE.with(|p| {
            p.borrow_mut()
                .as_mut()
                .map(|page| std::mem::replace(&mut page.calls, calls))
                .unwrap_or_default()
        })
    }

    /// The page's own `memo()` calls so far, in order, taken.
    pub fn take_calls(&self) -> Vec<Call> {
        PAGE.with(|p| {
            p.borrow_mut()
                .as_mut()
                .map(|page| std::mem::take(&mut page.calls))
                .unwrap_or_default()
        })
    }

    /// Like [`PageGuard::enter`], with the fingerprints of the root's
    /// fields already known ([`super::context`]): `memo()` compares those
    /// instead of hashing the fields' values.
    pub fn with_fields(root: Value, fingerprints: Vec<(Arc<str>, u128)>) -> PageGuard {
        // Marked apart from hashed values, so the two kinds never meet.
        let hashes = fingerprints
            .into_iter()
            .map(|(name, f)| (name, f ^ FIELD_FINGERPRINT))
            .collect();
        let previous = PAGE.with(|p| p.borrow_mut().replace(Page::new(root, hashes)));
        PageGuard { previous }
    }
}

/// Mixed into a precomputed field fingerprint (see [`PageGuard::with_fields`]).
const FIELD_FINGERPRINT: u128 = 0x6669_656c_645f_6670_5f73_656c_6f73_7465;

impl Drop for PageGuard {
    fn drop(&mut self) {
        let previous = self.previous.take();
        PAGE.with(|p| *p.borrow_mut() = previous);
    }
}

/// Hashes what a value renders as: its kind, its text, whether it is safe
/// markup, and its items. (minijinja's own `Hash` treats `1` and `1.0`, or
/// a safe and a plain string, as equal, which render differently.)
fn hash_value(v: &Value, h: &mut impl Hasher) {
    match v.kind() {
        ValueKind::Undefined => 0u8.hash(h),
        ValueKind::None => 1u8.hash(h),
        ValueKind::Bool => {
            2u8.hash(h);
            v.is_true().hash(h);
        }
        ValueKind::Number => {
            3u8.hash(h);
            v.to_string().hash(h);
        }
        ValueKind::String => {
            4u8.hash(h);
            v.is_safe().hash(h);
            v.as_str().unwrap_or_default().hash(h);
        }
        ValueKind::Bytes => {
            5u8.hash(h);
            v.as_bytes().unwrap_or_default().hash(h);
        }
        ValueKind::Seq | ValueKind::Iterable => {
            6u8.hash(h);
            if let Ok(items) = v.try_iter() {
                for item in items {
                    hash_value(&item, h);
                }
            }
            0xffu8.hash(h);
        }
        ValueKind::Map => {
            7u8.hash(h);
            if let Ok(keys) = v.try_iter() {
                for key in keys {
                    hash_value(&key, h);
                    hash_value(&v.get_item(&key).unwrap_or_default(), h);
                }
            }
            0xffu8.hash(h);
        }
        // Macros, functions and other objects are not data a view holds;
        // their text form is all that can be compared.
        _ => {
            8u8.hash(h);
            v.to_string().hash(h);
        }
    }
}

/// The macros a template defines, each with its own source text, in the
/// order they are defined. `None` if the source cannot be split cleanly
/// (a `macro` tag without its `endmacro`, or one inside another).
fn split_macros(source: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = source;
    let mut offset = 0;
    while let Some(start) = next_tag(rest, "macro") {
        let name: String = rest[start.body..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let after = &rest[start.end..];
        let end = next_tag(after, "endmacro")?;
        // A macro defined inside this one: not split.
        if next_tag(&after[..end.start], "macro").is_some() {
            return None;
        }
        let text = &rest[start.start..start.end + end.end];
        out.push((name, text.to_string()));
        offset += start.end + end.end;
        rest = &source[offset..];
    }
    Some(out)
}

struct Tag {
    start: usize,
    body: usize,
    end: usize,
}

/// The next `{% keyword ... %}` tag (with optional `-`/`+` whitespace
/// control) in `s`, outside comments.
fn next_tag(s: &str, keyword: &str) -> Option<Tag> {
    let mut from = 0;
    loop {
        let open = from + s[from..].find("{%")?;
        let comment = s[from..open].rfind("{#").map(|i| from + i);
        if let Some(c) = comment
            && s[c..open].find("#}").is_none()
        {
            from = c + s[c..].find("#}")? + 2;
            continue;
        }
        let inner = s[open + 2..].trim_start_matches(['-', '+']).trim_start();
        let body = s.len() - inner.len();
        let close = open + s[open..].find("%}")? + 2;
        let word_end = inner
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(inner.len());
        if &inner[..word_end] == keyword {
            return Some(Tag {
                start: open,
                body: body + keyword.len(),
                end: close,
            });
        }
        from = close;
    }
}

/// What a template's source says about its macros, found once per run:
/// parsing a module of fifty macros again for each of them was a fixed
/// cost of every run.
struct Analysis {
    /// Each macro's name and the variables it leaves undeclared (`None`
    /// when its text alone does not parse); `None` when the source cannot
    /// be split into macros, or defines a name twice.
    macros: Option<HashMap<String, Option<HashSet<String>>>>,
    /// What the whole template leaves undeclared: a name outside this set
    /// is assigned at the template's top level (a macro, or a `set`).
    top_level_free: HashSet<String>,
}

impl Analysis {
    fn of(env: &Environment<'_>, template: &str) -> Option<Analysis> {
        let t = env.get_template(template).ok()?;
        let macros = split_macros(t.source()).and_then(|split| {
            let count = split.len();
            let macros: HashMap<String, Option<HashSet<String>>> = split
                .into_iter()
                .map(|(name, text)| {
                    let free = env
                        .template_from_str(&text)
                        .ok()
                        .map(|alone| alone.undeclared_variables(false));
                    (name, free)
                })
                .collect();
            (macros.len() == count).then_some(macros)
        });
        Some(Analysis {
            macros,
            top_level_free: t.undeclared_variables(false),
        })
    }

    fn defines(&self, name: &str) -> bool {
        self.macros.as_ref().is_some_and(|m| m.contains_key(name))
    }
}

/// Feeds what is formatted into a hasher.
struct HashWriter<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::fmt::Write for HashWriter<'_, H> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// The context variables the macro `name` of the template `analysis`
/// describes depends on.
fn plan(env: &Environment<'_>, analysis: &Analysis, name: &str) -> Plan {
    let Some(defined) = &analysis.macros else {
        return Plan::Uncached;
    };
    if !defined.contains_key(name) {
        return Plan::Uncached;
    }
    let mut deps = HashSet::new();
    let mut todo = vec![name.to_string()];
    let mut done = HashSet::new();
    while let Some(m) = todo.pop() {
        if !done.insert(m.clone()) {
            continue;
        }
        let Some(Some(free)) = defined.get(m.as_str()) else {
            return Plan::Uncached;
        };
        for var in free {
            if *var == m {
                continue;
            }
            if defined.contains_key(var.as_str()) {
                todo.push(var.clone());
            } else if !analysis.top_level_free.contains(var) {
                // Set at the top of the template: its value may depend on
                // anything before it.
                return Plan::Uncached;
            } else if env.globals().any(|(g, _)| g == var) {
                // A function of the environment: pure, except `t()`, which
                // reads `lang` (added below for every macro).
            } else {
                deps.insert(var.clone());
            }
        }
    }
    deps.insert("lang".to_string());
    let mut deps: Vec<String> = deps.into_iter().collect();
    deps.sort();
    Plan::Depends(deps)
}

/// The templates that may define a macro called from `page`: the page
/// itself and the templates it imports.
fn candidate_templates(env: &Environment<'_>, page: &str) -> Vec<String> {
    let mut candidates = vec![page.to_string()];
    let Ok(template) = env.get_template(page) else {
        return candidates;
    };
    let mut rest = template.source();
    while let Some(tag) = next_tag(rest, "import") {
        let inner = &rest[tag.body..tag.end];
        if let Some(q) = inner.find(['"', '\'']) {
            let quote = &inner[q..q + 1];
            if let Some(len) = inner[q + 1..].find(quote) {
                candidates.push(inner[q + 1..q + 1 + len].to_string());
            }
        }
        rest = &rest[tag.end..];
    }
    candidates
}

impl Memo {
    pub fn stats(&self) -> MemoStats {
        MemoStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    fn plan_for(&self, env: &Environment<'_>, page: &str, name: &str) -> Arc<Planned> {
        // Looked up on every call: by a fingerprint, which allocates nothing.
        let key = crate::fingerprint::of(&(page, name));
        let kept = PLANS.with(|p| {
            let (id, plans) = &*p.borrow();
            if *id == self.id {
                plans.get(&key).cloned()
            } else {
                None
            }
        });
        if let Some(p) = kept {
            return p;
        }
        let planned = self.plan_shared(env, page, name, key);
        PLANS.with(|p| {
            let (id, plans) = &mut *p.borrow_mut();
            if *id != self.id {
                *id = self.id;
                plans.clear();
            }
            plans.insert(key, planned.clone());
        });
        planned
    }

    /// [`Memo::plan_for`] from the plans of every thread.
    fn plan_shared(
        &self,
        env: &Environment<'_>,
        page: &str,
        name: &str,
        key: u128,
    ) -> Arc<Planned> {
        if let Some(p) = self.plans.lock().ok().and_then(|p| p.get(&key).cloned()) {
            return p;
        }
        // The macro is memoised when exactly one candidate defines it.
        let defining: Vec<(String, Arc<Analysis>)> = candidate_templates(env, page)
            .into_iter()
            .filter_map(|t| self.analysis(env, &t).map(|a| (t, a)))
            .filter(|(_, a)| a.defines(name))
            .collect();
        let plan = Arc::new(match defining.as_slice() {
            [(template, analysis)] => Planned {
                plan: plan(env, analysis, name),
                template: template.clone(),
            },
            _ => Planned {
                plan: Plan::Uncached,
                template: page.to_string(),
            },
        });
        if let Ok(mut plans) = self.plans.lock() {
            plans.insert(key, plan.clone());
        }
        plan
    }

    /// The analysis of `template`, made on first use.
    fn analysis(&self, env: &Environment<'_>, template: &str) -> Option<Arc<Analysis>> {
        if let Some(a) = self
            .analyses
            .lock()
            .ok()
            .and_then(|a| a.get(template).cloned())
        {
            return Some(a);
        }
        let analysis = Arc::new(Analysis::of(env, template)?);
        if let Ok(mut analyses) = self.analyses.lock() {
            analyses.insert(template.to_string(), analysis.clone());
        }
        Some(analysis)
    }

    /// The template function `memo(macro, args...)`.
    pub fn call(&self, state: &mut State, callee: &Value, args: &[Value]) -> Result<Value, Error> {
        let name_value = callee.get_attr("name").ok();
        let name = name_value
            .as_ref()
            .and_then(|n| n.as_str())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    "memo() takes a macro, e.g. memo(m.section, s)",
                )
            })?;
        let planned = self.plan_for(state.env(), original(state.name()), name);
        let Plan::Depends(deps) = &planned.plan else {
            return record(&planned, nested(|| callee.call(state, args)));
        };
        let Some(key) = page_key(state, &planned, deps, name, args) else {
            // Not inside a page the renderer entered: nothing to compare.
            return callee.call(state, args);
        };
        if let Some(out) = self.take_kept(key) {
            return record(&planned, Ok(out));
        }
        if callee.downcast_object_ref::<ImportNames>().is_some() {
            // Rendered without its imports: no macro to call here.
            need_imports();
            return Err(needs_imports_error());
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let recent_key = (self.id, key);
        let out = record(&planned, nested(|| callee.call(state, args)))?;
        self.outputs.offer(key, &out);
        RECENT.with(|r| {
            let mut r = r.borrow_mut();
            if r.order.len() == RECENT_CAPACITY
                && let Some(oldest) = r.order.pop_front()
            {
                r.outputs.remove(&oldest);
            }
            if r.outputs.insert(recent_key, out.clone()).is_none() {
                r.order.push_back(recent_key);
            }
        });
        Ok(out)
    }
}

impl Memo {
    /// Forgets a render of `page` that is to be done again, with the kept
    /// outputs it took ([`PageGuard::restart`]).
    pub fn restart(&self, page: &PageGuard) {
        let uncounted = page.restart();
        self.hits.fetch_sub(uncounted, Ordering::Relaxed);
    }

    /// The output kept for `memo(<macro name>, args...)` called from the
    /// page template whose state is `state`, noted as one of the page's
    /// calls as a call would be; `None` when none is kept. For a page
    /// written in Rust ([`super::frame`]), which calls no macro when its
    /// outputs are kept.
    pub fn kept(&self, state: &State, name: &str, args: &[Value]) -> Option<Value> {
        let planned = self.plan_for(state.env(), original(state.name()), name);
        let Plan::Depends(deps) = &planned.plan else {
            return None;
        };
        let out = self.take_kept(page_key(state, &planned, deps, name, args)?)?;
        record(&planned, Ok(out)).ok()
    }

    /// The output kept under `key`, counted as a hit for the memo and the
    /// page.
    fn take_kept(&self, key: u128) -> Option<Value> {
        let out = self
            .outputs
            .get(key)
            .or_else(|| RECENT.with(|r| r.borrow().outputs.get(&(self.id, key)).cloned()))?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        PAGE.with(|p| {
            if let Some(page) = p.borrow_mut().as_mut() {
                page.hits += 1;
            }
        });
        Some(out)
    }
}

/// How many `memo()` calls the page being rendered on this thread has
/// noted so far.
pub fn calls_noted() -> usize {
    PAGE.with(|p| p.borrow().as_ref().map_or(0, |page| page.calls.len()))
}

/// The key of the output of the macro `name` of `planned`, which depends
/// on the context variables `deps`, called with `args` from the page
/// being rendered (`None` outside one).
fn page_key(
    state: &State,
    planned: &Planned,
    deps: &[String],
    name: &str,
    args: &[Value],
) -> Option<u128> {
    PAGE.with(|p| {
        let mut p = p.borrow_mut();
        let Page { root, hashes, .. } = p.as_mut()?;
        // Many small writes: gathered and hashed at once.
        let mut h = Gathered(Vec::with_capacity(512));
        // The macro, not the page that calls it: the HTML and print
        // pages of a notice call the same sections of one module. The
        // escaping in force is the caller's, so it is an input too.
        planned.template.hash(&mut h);
        name.hash(&mut h);
        match state.auto_escape() {
            AutoEscape::None => 0u8.hash(&mut h),
            AutoEscape::Html => 1u8.hash(&mut h),
            AutoEscape::Custom(name) => (2u8, name).hash(&mut h),
            other => {
                let _ = write!(HashWriter(&mut h), "{other:?}");
            }
        }
        for a in args {
            hash_value(a, &mut h);
        }
        for d in deps {
            let v = match hashes.get(d.as_str()) {
                Some(v) => *v,
                None => {
                    let mut vh = Fingerprinter::default();
                    hash_value(&root.get_attr(d).unwrap_or_default(), &mut vh);
                    let v = vh.finish128();
                    hashes.insert(Arc::from(d.as_str()), v);
                    v
                }
            };
            d.hash(&mut h);
            v.hash(&mut h);
        }
        Some(h.finish128())
    })
}

/// Where the outputs of a page's own `calls` are in `text`, the page they
/// were made for: one span for each run of consecutive calls that `shared`
/// accepts, from the first output's start to the last one's end (with the
/// page's text between them). An output is looked for after the previous
/// one; one not found, or not accepted, ends a run. Empty outputs are
/// passed over.
///
/// `written` may say, for each call, where its output was written into
/// `text` (a page written in code knows, [`super::frame`]): the output is
/// then taken from there, without comparing it with the text, unless its
/// first byte comes earlier after the previous output (where the search
/// would find it first). The spans are the same either way.
pub fn spans(
    text: &str,
    calls: &[Call],
    written: &[Option<usize>],
    shared: impl Fn(&Call) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut run: Option<std::ops::Range<usize>> = None;
    let mut from = 0;
    for (i, call) in calls.iter().enumerate() {
        let output = call.output.as_str().unwrap_or_default();
        if output.is_empty() {
            continue;
        }
        let at = written.get(i).copied().flatten().filter(|&at| {
            at >= from
                && text.get(from..at).is_some_and(|gap| {
                    memchr::memchr(output.as_bytes()[0], gap.as_bytes()).is_none()
                })
        });
        let found = match at {
            Some(at) => {
                debug_assert!(
                    text[at..].starts_with(output),
                    "an output noted where it is not"
                );
                Some(at..at + output.len())
            }
            None => {
                find_from(text.as_bytes(), from, output.as_bytes()).map(|at| at..at + output.len())
            }
        };
        match found {
            Some(span) if shared(call) => {
                from = span.end;
                run = Some(match run.take() {
                    Some(r) => r.start..span.end,
                    None => span,
                });
            }
            other => {
                if let Some(span) = other {
                    from = span.end;
                }
                spans.extend(run.take());
            }
        }
    }
    spans.extend(run);
    spans
}

/// Where `needle` is first in `text` at or after `from`: by its first
/// byte, compared whole where that is. Outputs are found a few bytes on
/// (past a section's heading), so this is a short scan; a searcher made
/// for each output of several kilobytes cost more than the search, a
/// tenth of a fleet's time.
fn find_from(text: &[u8], mut from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    while let Some(at) = memchr::memchr(first, text.get(from..)?) {
        let start = from + at;
        if text[start..].starts_with(needle) {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// Runs a macro for `memo()`: the calls it makes are its own.
fn nested(call: impl FnOnce() -> Result<Value, Error>) -> Result<Value, Error> {
    let depth = |change: fn(u32) -> u32| {
        PAGE.with(|p| {
            if let Some(page) = p.borrow_mut().as_mut() {
                page.depth = change(page.depth);
            }
        });
    };
    depth(|d| d + 1);
    let out = call();
    depth(|d| d.saturating_sub(1));
    out
}

/// Notes a call's output as one of the page's own calls, unless the call
/// was made inside another.
fn record(planned: &Arc<Planned>, out: Result<Value, Error>) -> Result<Value, Error> {
    if let Ok(output) = &out {
        PAGE.with(|p| {
            if let Some(page) = p.borrow_mut().as_mut()
                && page.depth == 0
            {
                page.calls.push(Call {
                    output: output.clone(),
                    planned: planned.clone(),
                });
            }
        });
    }
    out
}

/// The prefix of a page template's twin without its imports
/// ([`without_imports`]); the same extension, so the same escaping.
const WITHOUT_IMPORTS: &str = "without-imports/";

/// The name of the twin of the page template `page`.
pub fn twin_name(page: &str) -> String {
    format!("{WITHOUT_IMPORTS}{page}")
}

/// The page template a twin stands for: memo's plans are the original's.
fn original(page: &str) -> &str {
    page.strip_prefix(WITHOUT_IMPORTS).unwrap_or(page)
}

/// Renders the page template `name` with `ctx` while `page` is entered:
/// from its twin without imports where there is one and it did without
/// them, otherwise from the template itself.
pub fn render(
    memo: &Memo,
    env: &Environment<'_>,
    name: &str,
    ctx: &Value,
    page: &PageGuard,
) -> Result<String, Error> {
    let tally = crate::fingerprint::of(name);
    if let Ok(template) = env.get_template(&twin_name(name))
        && memo.twin_worth_trying(tally)
    {
        let rendered = template.render(ctx);
        let sufficed = rendered.is_ok() && !page.needs_imports();
        memo.twin_tried(tally, sufficed);
        if let (true, Ok(text)) = (sufficed, rendered) {
            return Ok(text);
        }
        memo.restart(page);
    }
    env.get_template(name)?.render(ctx)
}

/// How a page template's twin has fared: pages whose sections are seldom
/// kept (`build` of notices that share little) would pay for a twin
/// rendered in vain on every page.
#[derive(Debug, Default, Clone, Copy)]
struct TwinTally {
    tried: u32,
    sufficed: u32,
    passed_over: u32,
}

/// Twins are tried at least this often, and whenever at least a quarter
/// of the tries sufficed.
const TWIN_TRIALS: u32 = 16;

/// A twin that seldom suffices is still tried every so many pages, in case
/// the pages to come share more.
const TWIN_PROBE: u32 = 32;

impl Memo {
    /// Whether the twin of the page template whose name's fingerprint is
    /// `page` is to be tried this time.
    fn twin_worth_trying(&self, page: u128) -> bool {
        let Ok(mut tallies) = self.twins.lock() else {
            return true;
        };
        let t = tallies.entry(page).or_default();
        if t.tried < TWIN_TRIALS || t.sufficed * 4 >= t.tried {
            return true;
        }
        t.passed_over += 1;
        t.passed_over.is_multiple_of(TWIN_PROBE)
    }

    fn twin_tried(&self, page: u128, sufficed: bool) {
        if let Ok(mut tallies) = self.twins.lock() {
            let t = tallies.entry(page).or_default();
            t.tried += 1;
            t.sufficed += u32::from(sufficed);
            // Recent pages count most.
            if t.tried == 1024 {
                t.tried /= 2;
                t.sufficed /= 2;
            }
        }
    }
}

/// Notes that the page being rendered needs its imports.
fn need_imports() {
    PAGE.with(|p| {
        if let Some(page) = p.borrow_mut().as_mut() {
            page.needs_imports = true;
        }
    });
}

fn needs_imports_error() -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        "this page is rendered again with its imports",
    )
}

/// A page's twin in which each `{% import "module" as m %}` of a module
/// that holds nothing but macros becomes `{% set m = import_names("module") %}`,
/// or `None` when the page imports nothing else, or uses an imported name
/// other than as the first argument of `memo()`.
///
/// Importing a module defines all its macros anew for every page: fifty
/// macros cost a page a quarter of its rendering, although in a fleet almost
/// every `memo()` call finds its output kept and calls no macro. The twin
/// is rendered first; [`ImportNames`] stand in for the modules and give
/// `memo()` the names of the macros. Anything else done with them (a miss,
/// a direct call, another attribute) marks the page, which the renderer
/// then renders again from the original template: the twin either gives
/// the very bytes the original would, or is not used.
pub fn without_imports(env: &Environment<'_>, source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    // The page but its imports: where the names are used.
    let mut uses = String::with_capacity(source.len());
    let mut rest = source;
    let mut names = Vec::new();
    while let Some(tag) = next_tag(rest, "import") {
        let (module, name) = import_parts(&rest[tag.body..tag.end])?;
        if !only_macros(env.get_template(&module).ok()?.source()) {
            return None;
        }
        let open = &rest[tag.start..tag.body - "import".len()];
        let close = if rest[..tag.end].ends_with("-%}") {
            " -%}"
        } else if rest[..tag.end].ends_with("+%}") {
            " +%}"
        } else {
            " %}"
        };
        out.push_str(&rest[..tag.start]);
        uses.push_str(&rest[..tag.start]);
        uses.push(' ');
        out.push_str(open);
        out.push_str(&format!("set {name} = import_names({module:?}){close}"));
        names.push(name);
        rest = &rest[tag.end..];
    }
    out.push_str(rest);
    uses.push_str(rest);
    if names.is_empty() {
        return None;
    }
    // A twin of a page that calls its macros directly would be rendered
    // twice for every page: not made.
    let used_only_by_memo = names.iter().all(|name| {
        uses.match_indices(name.as_str())
            .filter(|(at, _)| {
                let before = uses[..*at].chars().next_back();
                let after = uses[at + name.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
            .all(|(at, _)| uses[..at].trim_end().ends_with("memo("))
    });
    used_only_by_memo.then_some(out)
}

/// `"module" as name` of an import tag's body (up to its `%}`), the only
/// form a twin replaces.
fn import_parts(body: &str) -> Option<(String, String)> {
    let body = body
        .trim_end()
        .strip_suffix("%}")?
        .trim_end_matches(['-', '+'])
        .trim();
    let quote = body.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let close = body[1..].find(quote)? + 1;
    let module = &body[1..close];
    let name = body[close + 1..].trim_start().strip_prefix("as")?;
    let name = name.strip_prefix(char::is_whitespace)?.trim();
    let is_name = !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    (is_name && !module.contains(['\\', '{', '}'])).then(|| (module.to_string(), name.to_string()))
}

/// Whether a module's source is macros and nothing else but comments and
/// whitespace: importing it then only defines its macros.
fn only_macros(source: &str) -> bool {
    let Some(macros) = split_macros(source) else {
        return false;
    };
    let mut rest = source;
    let mut between = String::new();
    for (_, text) in &macros {
        let Some(at) = rest.find(text.as_str()) else {
            return false;
        };
        between.push_str(&rest[..at]);
        rest = &rest[at + text.len()..];
    }
    between.push_str(rest);
    let mut rest = between.as_str();
    loop {
        let text = rest.trim_start();
        match text.strip_prefix("{#") {
            Some(comment) => match comment.find("#}") {
                Some(end) => rest = &comment[end + 2..],
                None => return false,
            },
            None => return text.is_empty(),
        }
    }
}

/// What a page rendered without its imports has in place of an imported
/// module (the names of its macros), and of each of its macros (the name):
/// all `memo()` needs of them when an output is kept. See
/// [`without_imports`].
#[derive(Debug)]
pub enum ImportNames {
    Module(HashSet<String>),
    Macro(Value),
}

impl minijinja::value::Object for ImportNames {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match (&**self, key.as_str()) {
            (ImportNames::Module(macros), Some(name)) if macros.contains(name) => {
                Some(Value::from_object(ImportNames::Macro(Value::from(name))))
            }
            (ImportNames::Macro(name), Some("name")) => Some(name.clone()),
            _ => {
                need_imports();
                None
            }
        }
    }

    fn enumerate(self: &Arc<Self>) -> minijinja::value::Enumerator {
        need_imports();
        minijinja::value::Enumerator::NonEnumerable
    }

    fn call(self: &Arc<Self>, _: &mut State<'_, '_>, _: &[Value]) -> Result<Value, Error> {
        need_imports();
        Err(needs_imports_error())
    }

    fn call_method(
        self: &Arc<Self>,
        _: &mut State<'_, '_>,
        _: &str,
        _: &[Value],
    ) -> Result<Value, Error> {
        need_imports();
        Err(needs_imports_error())
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        need_imports();
        match &**self {
            ImportNames::Module(_) => f.write_str("<module>"),
            ImportNames::Macro(name) => write!(f, "<macro {name}>"),
        }
    }
}

impl Memo {
    /// [`ImportNames`] of `module`, made once per run.
    fn import_names(&self, env: &Environment<'_>, module: &str) -> Result<Value, Error> {
        if let Some(v) = self
            .import_names
            .lock()
            .ok()
            .and_then(|m| m.get(module).cloned())
        {
            return Ok(v);
        }
        let macros = self
            .analysis(env, module)
            .and_then(|a| a.macros.as_ref().map(|m| m.keys().cloned().collect()))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("import_names(): {module} is not a module of macros"),
                )
            })?;
        let v = Value::from_object(ImportNames::Module(macros));
        if let Ok(mut m) = self.import_names.lock() {
            m.insert(module.to_string(), v.clone());
        }
        Ok(v)
    }
}

/// Registers `memo()` in `env`, and `import_names()`, which the twins of
/// pages without their imports call ([`without_imports`]).
pub fn register(env: &mut Environment<'static>, memo: Arc<Memo>) {
    let names = memo.clone();
    env.add_function(
        "import_names",
        move |state: &State, module: &str| -> Result<Value, Error> {
            names.import_names(state.env(), module)
        },
    );
    env.add_function(
        "memo",
        move |state: &mut State, callee: Value, args: Rest<Value>| -> Result<Value, Error> {
            memo.call(state, &callee, &args)
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = r#"{#- a comment with {% macro fake() %} in it -#}
{%- macro label(x) %}<b>{{ x }}</b>{% endmacro %}
{%- macro shared(s) %}{{ label(s.title) }} {{ t("lang-fi") }} {{ format }}{% endmacro %}
{%- macro own(s) %}{{ controller }}: {{ label(s.title) }}{% endmacro %}
"#;

    fn env(memo: Arc<Memo>) -> Environment<'static> {
        let mut env = Environment::new();
        env.add_function("t", |state: &State, key: &str| -> String {
            format!(
                "{key}@{}",
                state
                    .lookup("lang")
                    .map(|l| l.to_string())
                    .unwrap_or_default()
            )
        });
        env.add_template("m.html", MODULE).unwrap();
        env.add_template(
            "page.html",
            r#"{%- import "m.html" as m %}{{ memo(m.shared, s) }}|{{ memo(m.own, s) }}"#,
        )
        .unwrap();
        // Another page calling the same macros, and one that escapes nothing.
        env.add_template(
            "print.html",
            r#"{%- import "m.html" as m %}print {{ memo(m.shared, s) }}"#,
        )
        .unwrap();
        env.add_template(
            "page.txt",
            r#"{%- import "m.html" as m %}text {{ memo(m.shared, s) }}"#,
        )
        .unwrap();
        register(&mut env, memo);
        env
    }

    fn render(env: &Environment<'static>, root: Value) -> String {
        render_page(env, "page.html", root)
    }

    fn render_page(env: &Environment<'static>, name: &str, root: Value) -> String {
        let _page = PageGuard::enter(root.clone());
        env.get_template(name).unwrap().render(root).unwrap()
    }

    /// An output is kept for the macro, not for the page calling it: the
    /// HTML and print pages of a notice share their sections. A page that
    /// escapes otherwise gets its own.
    #[test]
    fn pages_calling_the_same_macro_share_its_output_when_they_escape_alike() {
        let memo = Arc::new(Memo::default());
        let e = env(memo.clone());
        let root = minijinja::context! {
            controller => "A", lang => "fi", format => "html",
            s => minijinja::context! { title => "<T>" },
        };
        assert_eq!(
            render_page(&e, "page.html", root.clone()),
            "<b>&lt;T&gt;</b> lang-fi@fi html|A: <b>&lt;T&gt;</b>"
        );
        assert_eq!(memo.stats(), MemoStats { hits: 0, misses: 2 });
        assert_eq!(
            render_page(&e, "print.html", root.clone()),
            "print <b>&lt;T&gt;</b> lang-fi@fi html"
        );
        assert_eq!(memo.stats(), MemoStats { hits: 1, misses: 2 });
        assert_eq!(
            render_page(&e, "page.txt", root),
            "text <b><T></b> lang-fi@fi html"
        );
        assert_eq!(memo.stats(), MemoStats { hits: 1, misses: 3 });
    }

    #[test]
    fn the_macros_of_a_template_are_split_by_their_tags_not_by_comments() {
        let names: Vec<String> = split_macros(MODULE)
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["label", "shared", "own"]);
        assert!(
            split_macros("{% macro a() %}{% macro b() %}{% endmacro %}{% endmacro %}").is_none()
        );
        assert!(split_macros("{% macro a() %}never closed").is_none());
    }

    #[test]
    fn a_macro_depends_on_what_it_and_the_macros_it_calls_name() {
        let e = env(Arc::default());
        let m = Analysis::of(&e, "m.html").expect("m.html");
        assert_eq!(
            plan(&e, &m, "shared"),
            Plan::Depends(vec!["format".into(), "lang".into()])
        );
        assert_eq!(
            plan(&e, &m, "own"),
            Plan::Depends(vec!["controller".into(), "lang".into()])
        );
        // A variable set at the top of the template: not vouched for.
        let mut e = Environment::new();
        e.add_template(
            "x.html",
            "{% set k = a %}{% macro m() %}{{ k }}{% endmacro %}",
        )
        .unwrap();
        let x = Analysis::of(&e, "x.html").expect("x.html");
        assert_eq!(plan(&e, &x, "m"), Plan::Uncached);
        // A name defined twice: not vouched for either.
        e.add_template(
            "y.html",
            "{% macro m() %}a{% endmacro %}{% macro m() %}b{% endmacro %}",
        )
        .unwrap();
        let y = Analysis::of(&e, "y.html").expect("y.html");
        assert!(!y.defines("m"));
    }

    /// A thread's recent outputs belong to the memo that rendered them: a
    /// renderer made anew with changed templates (`watch`, `serve`) on the
    /// same thread never gets the old templates' output.
    #[test]
    fn recent_outputs_of_one_memo_are_not_served_to_another() {
        let page = minijinja::context! {
            controller => "A", lang => "fi", format => "html",
            s => minijinja::context! { title => "T" },
        };
        let first = Arc::new(Memo::default());
        assert_eq!(
            render(&env(first.clone()), page.clone()),
            "<b>T</b> lang-fi@fi html|A: <b>T</b>"
        );
        let second = Arc::new(Memo::default());
        let mut changed = env(second.clone());
        changed
            .add_template_owned("m.html", MODULE.replace("<b>{{ x }}</b>", "<i>{{ x }}</i>"))
            .unwrap();
        assert_eq!(
            render(&changed, page),
            "<i>T</i> lang-fi@fi html|A: <i>T</i>"
        );
        assert_eq!(second.stats(), MemoStats { hits: 0, misses: 2 });
    }

    /// Regression guard: each thread keeps the plans of the memo it last
    /// served, not of every renderer a long `serve` session made.
    #[test]
    fn a_thread_keeps_the_plans_of_one_memo() {
        let page = minijinja::context! {
            controller => "A", lang => "fi", format => "html",
            s => minijinja::context! { title => "T" },
        };
        let first = Arc::new(Memo::default());
        render(&env(first.clone()), page.clone());
        let second = Arc::new(Memo::default());
        render(&env(second.clone()), page);
        PLANS.with(|p| {
            let (id, plans) = &*p.borrow();
            assert_eq!(*id, second.id);
            // The two macros the page calls, with one plan each.
            assert_eq!(plans.len(), 2);
        });
    }

    /// Regression guard: a shared output is reused only where every input
    /// is equal; the customer's own part is rendered for each customer.
    #[test]
    fn outputs_are_reused_only_for_equal_inputs() {
        let memo = Arc::new(Memo::default());
        let e = env(memo.clone());
        let page = |controller: &str, lang: &str, title: &str| {
            minijinja::context! {
                controller => controller, lang => lang, format => "html",
                s => minijinja::context! { title => title },
            }
        };
        let a = render(&e, page("A", "fi", "T"));
        let b = render(&e, page("B", "fi", "T"));
        let c = render(&e, page("C", "fi", "T"));
        assert_eq!(a, "<b>T</b> lang-fi@fi html|A: <b>T</b>");
        assert_eq!(b, "<b>T</b> lang-fi@fi html|B: <b>T</b>");
        assert_eq!(c, "<b>T</b> lang-fi@fi html|C: <b>T</b>");
        // `shared` was called once and reused from this thread's recent
        // outputs; `own` was called for each customer.
        assert_eq!(memo.stats(), MemoStats { hits: 2, misses: 4 });
        assert_eq!(
            render(&e, page("C", "sv", "T")),
            "<b>T</b> lang-fi@sv html|C: <b>T</b>"
        );
        assert_eq!(
            render(&e, page("C", "fi", "U")),
            "<b>U</b> lang-fi@fi html|C: <b>U</b>"
        );
        // A safe string and a plain one with the same text are different inputs.
        let safe = minijinja::context! {
            controller => Value::from_safe_string("<i>".into()), lang => "fi", format => "html",
            s => minijinja::context! { title => "T" },
        };
        assert_eq!(render(&e, safe), "<b>T</b> lang-fi@fi html|<i>: <b>T</b>");
        assert_eq!(
            render(&e, page("<i>", "fi", "T")),
            "<b>T</b> lang-fi@fi html|&lt;i&gt;: <b>T</b>"
        );
    }

    #[test]
    fn outside_a_page_memo_just_calls_the_macro() {
        let e = env(Arc::default());
        let out = e
            .get_template("page.html")
            .unwrap()
            .render(minijinja::context! {
                controller => "A", lang => "fi", format => "md",
                s => minijinja::context! { title => "T" },
            })
            .unwrap();
        assert_eq!(out, "<b>T</b> lang-fi@fi md|A: <b>T</b>");
    }

    /// Renders `name` and returns the page with its own calls' outputs and
    /// whether each depends on `controller`.
    fn calls_of(
        env: &Environment<'static>,
        name: &str,
        root: Value,
    ) -> (String, Vec<(String, bool)>) {
        let page = PageGuard::enter(root.clone());
        let text = env.get_template(name).unwrap().render(root).unwrap();
        let calls = page
            .take_calls()
            .into_iter()
            .map(|c| {
                let own = c
                    .depends()
                    .is_some_and(|d| d.iter().any(|v| v == "controller"));
                (c.output.as_str().unwrap_or_default().to_string(), own)
            })
            .collect();
        (text, calls)
    }

    /// What a page's calls say decides how its zip is cut: it must be the
    /// same whether the outputs were kept or rendered, so a call made
    /// inside another (only when that one is rendered) is not the page's.
    #[test]
    fn a_pages_own_calls_are_the_same_whether_their_outputs_were_kept_or_rendered() {
        let mut e = env(Arc::default());
        e.add_template(
            "outer.html",
            r#"{%- macro inner(x) %}<i>{{ x }}</i>{% endmacro %}{%- macro outer(x) %}[{{ memo(inner, x) }}]{% endmacro %}"#,
        )
        .unwrap();
        e.add_template(
            "nested.html",
            r#"{%- import "outer.html" as o %}{%- import "m.html" as m %}{{ memo(o.outer, 1) }} {{ memo(m.own, s) }}"#,
        )
        .unwrap();
        let root = minijinja::context! {
            controller => "A", lang => "fi", format => "html",
            s => minijinja::context! { title => "T" },
        };
        let first = calls_of(&e, "nested.html", root.clone());
        let again = calls_of(&e, "nested.html", root.clone());
        let kept = calls_of(&e, "nested.html", root);
        assert_eq!(
            first.1,
            [
                ("[<i>1</i>]".to_string(), false),
                ("A: <b>T</b>".to_string(), true)
            ]
        );
        assert_eq!(first, again);
        assert_eq!(first, kept);
    }

    /// A customer's own sections end a run of shared ones, the text
    /// between shared outputs belongs to the run, and outputs are found in
    /// order even where an earlier part of the page has the same text.
    #[test]
    fn spans_are_runs_of_accepted_outputs_found_in_order() {
        let shared = Arc::new(Planned {
            plan: Plan::Depends(vec!["lang".into()]),
            template: "m.html".into(),
        });
        let own = Arc::new(Planned {
            plan: Plan::Depends(vec!["controller".into()]),
            template: "m.html".into(),
        });
        let call = |text: &str, planned: &Arc<Planned>| Call {
            output: Value::from_safe_string(text.to_string()),
            planned: planned.clone(),
        };
        let accept = |c: &Call| {
            c.depends()
                .is_some_and(|d| !d.iter().any(|v| v == "controller"))
        };
        let page = "head <p>x</p> | <p>x</p>\n<h2>2</h2><p>y</p> own <p>z</p> tail";
        let x = page.rfind("<p>x</p>").unwrap();
        let y_end = page.find("<p>y</p>").unwrap() + "<p>y</p>".len();
        let calls = [
            call("<p>x</p>", &shared),
            call("<p>x</p>", &shared),
            call("", &own),
            call("<p>y</p>", &shared),
            call(" own ", &own),
            call("<p>z</p>", &shared),
            call("missing", &shared),
        ];
        let z = page.find("<p>z</p>").unwrap();
        assert_eq!(
            spans(page, &calls, &[], accept),
            [
                page.find("<p>x</p>").unwrap()..y_end,
                z..z + "<p>z</p>".len()
            ]
        );
        // The second `<p>x</p>` call is the later one on the page.
        assert!(x > page.find("<p>x</p>").unwrap());
        assert_eq!(find_from(page.as_bytes(), 6, b"<p>x</p>"), Some(x));
        assert_eq!(find_from(page.as_bytes(), page.len(), b"<p>"), None);
        assert_eq!(find_from(b"abcabd", 0, b"abd"), Some(3));
        // An uncached call is never shared.
        let uncached = Arc::new(Planned {
            plan: Plan::Uncached,
            template: "m.html".into(),
        });
        assert!(spans(page, &[call("<p>y</p>", &uncached)], &[], accept).is_empty());
    }

    /// `env` with the twins of its pages, as the renderer's has them.
    fn env_with_twins(memo: Arc<Memo>) -> Environment<'static> {
        let mut e = env(memo);
        for name in ["page.html", "print.html", "page.txt"] {
            let source = e.get_template(name).unwrap().source().to_string();
            let twin = without_imports(&e, &source).expect("a twin");
            e.add_template_owned(twin_name(name), twin).unwrap();
        }
        e
    }

    #[test]
    fn a_twin_sets_names_for_the_imports_of_modules_of_macros_used_by_memo() {
        let e = env(Arc::default());
        assert_eq!(
            without_imports(
                &e,
                "{%- import \"m.html\" as m -%}\n{{ memo(m.shared, s) }} {{ memo( m[\"own\"]) }}"
            )
            .as_deref(),
            Some(
                "{%- set m = import_names(\"m.html\") -%}\n{{ memo(m.shared, s) }} {{ memo( m[\"own\"]) }}"
            )
        );
        // Line numbers stay the same.
        let page = "{% import 'm.html' as mm %}\n{{ memo(mm.own) }}";
        let twin = without_imports(&e, page).unwrap();
        assert_eq!(twin.lines().count(), page.lines().count());
        assert!(twin.starts_with("{% set mm = import_names(\"m.html\") %}"));
    }

    #[test]
    fn no_twin_for_a_page_that_uses_its_imports_otherwise_or_imports_anything_else() {
        let mut e = env(Arc::default());
        e.add_template(
            "setter.html",
            "{% set x = 1 %}{% macro a() %}{% endmacro %}",
        )
        .unwrap();
        for page in [
            // A macro called directly, or handed around.
            "{% import 'm.html' as m %}{{ m.label('x') }}",
            "{% import 'm.html' as m %}{% set f = m.own %}{{ memo(f) }}",
            // A module that does more than define macros.
            "{% import 'setter.html' as m %}{{ memo(m.a) }}",
            // Forms the twin does not rewrite.
            "{% from 'm.html' import own %}{{ memo(own) }}",
            "{% import 'm.html' as m %}{% import 'nope.html' as n %}{{ memo(m.own) }}",
            // Nothing imported.
            "{{ memo(x) }}",
        ] {
            assert_eq!(without_imports(&e, page), None, "{page}");
        }
        assert!(only_macros(
            "{# a #}\n{%- macro a() %}x{% endmacro %}\n{# b #}\n"
        ));
        assert!(!only_macros("{% macro a() %}x{% endmacro %}text"));
    }

    /// The twin is tried first and gives way to the template whenever it
    /// would need a macro: a page's bytes, its calls and the memo's counts
    /// are the same either way.
    #[test]
    fn a_page_renders_the_same_from_its_twin_or_from_the_template() {
        let with = Arc::new(Memo::default());
        let without = Arc::new(Memo::default());
        let (plain, twins) = (env(without.clone()), env_with_twins(with.clone()));
        let root = |controller: &str, title: &str| {
            minijinja::context! {
                controller => controller, lang => "fi", format => "html",
                s => minijinja::context! { title => title },
            }
        };
        let pages = [
            ("page.html", root("A", "<T>")),
            ("page.html", root("A", "<T>")),
            ("print.html", root("B", "<T>")),
            ("page.html", root("B", "<T>")),
            ("page.txt", root("A", "<U>")),
            ("page.txt", root("A", "<U>")),
        ];
        for (name, root) in pages {
            let render = |e: &Environment<'static>, memo: &Memo| {
                let page = PageGuard::enter(root.clone());
                let text = super::render(memo, e, name, &root, &page).unwrap();
                let calls: Vec<(String, Option<Vec<String>>)> = page
                    .take_calls()
                    .into_iter()
                    .map(|c| (c.output.to_string(), c.depends().map(<[String]>::to_vec)))
                    .collect();
                (text, calls)
            };
            assert_eq!(render(&twins, &with), render(&plain, &without), "{name}");
        }
        assert_eq!(with.stats(), without.stats());
        assert_eq!(with.stats(), MemoStats { hits: 5, misses: 4 });
    }

    #[test]
    fn a_page_whose_twin_needs_a_macro_is_rendered_from_the_template() {
        let memo = Arc::new(Memo::default());
        let e = env_with_twins(memo.clone());
        let root = minijinja::context! {
            controller => "A", lang => "fi", format => "html",
            s => minijinja::context! { title => "T" },
        };
        // A miss: the twin has no macro to call.
        let page = PageGuard::enter(root.clone());
        let twin = e.get_template(&twin_name("page.html")).unwrap();
        assert!(twin.render(&root).is_err());
        assert!(page.needs_imports());
        assert_eq!(page.restart(), 0);
        assert!(!page.needs_imports());
        assert_eq!(
            super::render(&memo, &e, "page.html", &root, &page).unwrap(),
            "<b>T</b> lang-fi@fi html|A: <b>T</b>"
        );
        assert_eq!(page.take_calls().len(), 2);
        // Every hit now: the twin does without the macros.
        let page = PageGuard::enter(root.clone());
        assert_eq!(
            twin.render(&root).unwrap(),
            "<b>T</b> lang-fi@fi html|A: <b>T</b>"
        );
        assert!(!page.needs_imports());
        // Anything but a kept output's name marks the page.
        for used in [
            "{{ m.shared() }}",
            "{{ m.nope }}",
            "{{ m.own.arguments }}",
            "{{ m }}",
        ] {
            let mut e = env(Arc::default());
            e.add_template_owned(
                "used.html",
                format!("{{% set m = import_names('m.html') %}}{used}"),
            )
            .unwrap();
            let page = PageGuard::enter(root.clone());
            let _ = e.get_template("used.html").unwrap().render(&root);
            assert!(page.needs_imports(), "{used}");
        }
    }

    /// Pages that share nothing (`build` of unrelated notices) miss on
    /// every twin: after a few tries, the twin is tried only now and then,
    /// and the pages are the same.
    #[test]
    fn a_twin_that_seldom_suffices_is_tried_only_now_and_then() {
        let with = Arc::new(Memo::default());
        let without = Arc::new(Memo::default());
        let (plain, twins) = (env(without.clone()), env_with_twins(with.clone()));
        for i in 0..200 {
            let root = minijinja::context! {
                controller => format!("C{i}"), lang => "fi", format => "html",
                s => minijinja::context! { title => format!("T{i}") },
            };
            let render = |e: &Environment<'static>, memo: &Memo| {
                let page = PageGuard::enter(root.clone());
                super::render(memo, e, "page.html", &root, &page).unwrap()
            };
            assert_eq!(render(&twins, &with), render(&plain, &without));
        }
        let tallies = with.twins.lock().unwrap();
        let t = tallies[&crate::fingerprint::of("page.html")];
        assert_eq!(t.sufficed, 0);
        assert_eq!(t.tried, TWIN_TRIALS + t.passed_over / TWIN_PROBE);
        assert_eq!(t.tried + t.passed_over - t.passed_over / TWIN_PROBE, 200);
        assert_eq!(with.stats(), without.stats());
    }
}
