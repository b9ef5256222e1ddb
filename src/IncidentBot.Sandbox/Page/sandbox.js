// The sandbox page: a small Slack client for the emulated workspace. It reads the workspace as one person sees it
// (/sandbox/state), refreshes on every change (/sandbox/stream, server-sent events), and sends what the person does to
// /sandbox/*, where the server turns it into the signed request Slack would send the bot. Everything user-supplied is
// put into the page as text nodes, never as HTML.
'use strict';

const EMOJI = { memo: '📝', eyes: '👀', '+1': '👍', white_check_mark: '✅', fire: '🔥', rotating_light: '🚨', pushpin: '📌', tada: '🎉' };
const REACTIONS = ['memo', 'eyes', '+1', 'white_check_mark', 'fire'];

const page = {
  me: localStorage.getItem('sandbox.me') || '',
  channel: localStorage.getItem('sandbox.channel') || '',
  threadTs: null,
  state: null,
  loading: null,
  again: false,
  openMenu: null,
  viewShown: null,
  highlight: null,
  home: false,
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function say(text) {
  const status = $('status');
  status.textContent = text;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { status.textContent = ''; }, 5000);
}

async function post(path, body) {
  const response = await fetch('/sandbox/' + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    say(answer.detail || 'Slack answered: ' + (answer.error || response.status));
    return null;
  }
  return answer;
}

// ---- loading and live updates ----

async function load() {
  if (page.loading) { page.again = true; return page.loading; }
  page.loading = (async () => {
    try {
      do {
        page.again = false;
        const asked = { user: page.me, channel: page.channel };
        const response = await fetch('/sandbox/state?' + new URLSearchParams(asked));
        if (!response.ok) { say('Could not read the workspace (HTTP ' + response.status + ')'); return; }
        const state = await response.json();
        // The person picked someone else or another channel while this was under way: the answer is for the old
        // choice, and showing it would undo theirs, so ask again.
        if (asked.user !== page.me || asked.channel !== page.channel) { page.again = true; continue; }
        page.state = state;
        render();
      } while (page.again);
    } finally {
      page.loading = null;
    }
  })();
  return page.loading;
}

function listen() {
  const stream = new EventSource('/sandbox/stream');
  stream.addEventListener('change', () => load());
}

// ---- names ----

function user(id) {
  return (page.state.users || []).find((u) => u.id === id);
}

function userName(id) {
  if (id === 'USLACKBOT') return 'Slackbot';
  const u = user(id);
  return u ? u.realName : id;
}

function channelName(id) {
  const c = (page.state.channels || []).find((x) => x.id === id);
  return c ? c.name : id;
}

function timeOf(ts) {
  return new Date(parseFloat(ts) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

// ---- mrkdwn ----

function decodeEntities(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function formatDate(seconds, format, fallback) {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return fallback;
  const parts = {
    date_num: date.toISOString().slice(0, 10),
    date: date.toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric' }),
    date_short: date.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' }),
    date_long: date.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    date_pretty: date.toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric' }),
    date_short_pretty: date.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' }),
    date_long_pretty: date.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    time: date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
    time_secs: date.toLocaleTimeString(),
  };
  return format.replace(/\{(\w+)\}/g, (whole, name) => parts[name] ?? whole);
}

// One <…> token of Slack's markup as a node: mentions, channels, dates, links; anything else stays as text.
function tokenNode(inner) {
  const [target, label] = splitOnce(inner, '|');
  if (target.startsWith('@')) return el('span', { class: 'mention' }, '@' + (label || userName(target.slice(1)).split(' ')[0].toLowerCase()));
  if (target.startsWith('#')) return el('span', { class: 'mention' }, '#' + (label || channelName(target.slice(1))));
  if (target.startsWith('!date^')) {
    const [, seconds, format] = target.split('^');
    return el('time', { datetime: new Date(Number(seconds) * 1000).toISOString() }, formatDate(Number(seconds), format || '{date_short_pretty}', label || ''));
  }
  if (target === '!here' || target === '!channel' || target === '!everyone') return el('span', { class: 'mention' }, '@' + target.slice(1));
  if (/^(https?:|mailto:)/i.test(target)) return el('a', { href: target, target: '_blank', rel: 'noopener noreferrer' }, label || target);
  return document.createTextNode('<' + inner + '>');
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

// mrkdwn to DOM: <…> tokens are set aside as private-use placeholders, entities decoded, then *bold*, _italic_,
// ~strike~, `code` and ```pre``` applied; text only ever enters the page as text nodes.
function mrkdwn(text) {
  const tokens = [];
  const marked = text.replace(/<([^<>\n]+)>/g, (whole, inner) => {
    tokens.push(inner);
    return String.fromCharCode(0xe000 + tokens.length - 1);
  });
  const fragment = document.createDocumentFragment();
  inline(decodeEntities(marked), fragment, tokens);
  return fragment;
}

const FORMAT = /```([\s\S]+?)```|`([^`\n]+)`|(?<![\w*])\*([^*\n]+)\*(?![\w*])|(?<![\w_])_([^_\n]+)_(?![\w_])|(?<![\w~])~([^~\n]+)~(?![\w~])/g;

function inline(text, parent, tokens) {
  let last = 0;
  for (const match of text.matchAll(FORMAT)) {
    plain(text.slice(last, match.index), parent, tokens);
    last = match.index + match[0].length;
    if (match[1] !== undefined) parent.append(el('pre', {}, restore(match[1], tokens)));
    else if (match[2] !== undefined) parent.append(el('code', {}, restore(match[2], tokens)));
    else {
      const node = el(match[3] !== undefined ? 'strong' : match[4] !== undefined ? 'em' : 'del');
      inline(match[3] ?? match[4] ?? match[5], node, tokens);
      parent.append(node);
    }
  }
  plain(text.slice(last), parent, tokens);
}

function plain(text, parent, tokens) {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) parent.append(el('br'));
    let last = 0;
    for (let at = 0; at < line.length; at++) {
      const code = line.charCodeAt(at);
      if (code >= 0xe000 && code < 0xe000 + tokens.length) {
        if (at > last) parent.append(document.createTextNode(line.slice(last, at)));
        parent.append(tokenNode(tokens[code - 0xe000]));
        last = at + 1;
      }
    }
    if (last < line.length) parent.append(document.createTextNode(line.slice(last)));
  });
}

function restore(text, tokens) {
  return text.replace(/[\ue000-\uf8ff]/g, (c) => '<' + (tokens[c.charCodeAt(0) - 0xe000] ?? '') + '>');
}

function textObject(object) {
  if (!object) return document.createTextNode('');
  if (object.type === 'mrkdwn') return mrkdwn(object.text || '');
  return document.createTextNode(object.text || '');
}

// ---- Block Kit ----

function renderBlocks(blocks, context) {
  return blocks.map((block, index) => renderBlock(block, index, context));
}

function renderBlock(block, index, context) {
  const blockId = block.block_id || context.prefix + index;
  switch (block.type) {
    case 'header':
      return el('div', { class: 'block-header', role: 'heading', 'aria-level': '3' }, textObject(block.text));
    case 'section': {
      const section = el('div', { class: 'block-section' });
      const body = el('div', { class: 'text' });
      if (block.text) body.append(el('div', {}, textObject(block.text)));
      if (block.fields) body.append(el('div', { class: 'fields' }, block.fields.map((f) => el('div', {}, textObject(f)))));
      section.append(body);
      if (block.accessory) section.append(renderElement(block.accessory, blockId, context));
      return section;
    }
    case 'context':
      return el('div', { class: 'block-context' }, (block.elements || []).map((e) =>
        e.type === 'image' ? el('span', {}, '[' + (e.alt_text || 'image') + '] ') : el('span', {}, textObject(e), ' ')));
    case 'divider':
      return el('hr', { class: 'block-divider' });
    case 'actions':
      return el('div', { class: 'block-actions', role: 'group', 'aria-label': 'Actions' }, (block.elements || []).map((e) => renderElement(e, blockId, context)));
    case 'input':
      return renderInput(block, blockId);
    case 'image':
      return el('p', {}, '[' + (block.alt_text || 'image') + ']');
    default:
      return el('p', { class: 'hint' }, '(' + block.type + ' block)');
  }
}

function optionText(option) {
  return option && option.text ? option.text.text : '';
}

function renderElement(element, blockId, context) {
  const key = context.prefix + blockId + ':' + element.action_id;
  if (element.type === 'button') {
    return el('button', {
      type: 'button',
      class: element.style || null,
      'data-key': key,
      onclick: () => context.act({
        type: 'button', action_id: element.action_id, block_id: blockId, text: element.text, value: element.value, style: element.style,
      }),
    }, element.text ? element.text.text : 'Button');
  }
  if (element.type === 'static_select' || element.type === 'overflow') {
    const label = element.placeholder ? element.placeholder.text : 'Choose';
    const select = el('select', {
      'aria-label': label,
      'data-key': key,
      onchange: () => {
        const option = element.options.find((o) => o.value === select.value);
        if (option) context.act({ type: element.type, action_id: element.action_id, block_id: blockId, selected_option: option });
      },
    }, el('option', { value: '' }, label), (element.options || []).map((o) => el('option', { value: o.value }, optionText(o))));
    return select;
  }
  return el('span', { class: 'hint' }, '(' + element.type + ')');
}

// ---- messages ----

function renderMessage(message, channel, isEphemeral) {
  const isBot = message.user === 'U0INCIDBOT' || message.user === 'USLACKBOT';
  const item = el('li', {
    class: 'message' + (message.pinnedBy ? ' pinned' : '') + (isEphemeral ? ' ephemeral' : ''),
    id: 'm' + message.ts.replace('.', ''),
    'data-ts': message.ts,
  });
  item.append(el('div', { class: 'meta' },
    el('span', { class: 'author' }, userName(message.user)),
    isBot ? el('span', { class: 'badge' }, 'APP') : null,
    el('time', { class: 'time', datetime: new Date(parseFloat(message.ts) * 1000).toISOString() }, timeOf(message.ts)),
    message.edited ? el('span', { class: 'edited' }, '(edited)') : null,
    isEphemeral ? el('span', { class: 'only-you' }, 'Only visible to you') : null));
  if (message.pinnedBy) item.append(el('span', { class: 'pinned-note' }, '📌 Pinned by ' + userName(message.pinnedBy)));

  const body = el('div', { class: 'body' });
  const context = {
    prefix: message.ts + ':',
    act: (action) => post('actions', { user: page.me, channel: channel.id, ts: message.ts, action }),
  };
  if (message.blocks && message.blocks.length) body.append(...renderBlocks(message.blocks, context));
  else body.append(el('p', {}, mrkdwn(message.text || '')));
  if (message.file) {
    body.append(el('a', { class: 'file', href: '/sandbox/files/' + message.file.id, target: '_blank', rel: 'noopener' },
      '📄 ' + message.file.title + ' (' + message.file.size + ' bytes)'));
  }
  item.append(body);
  if (isEphemeral) return item;

  if (message.reactions && message.reactions.length) {
    item.append(el('div', { class: 'reactions', role: 'group', 'aria-label': 'Reactions' }, message.reactions.map((r) =>
      el('button', {
        type: 'button',
        'aria-pressed': r.mine ? 'true' : 'false',
        'aria-label': ':' + r.name + ': ' + r.count + (r.mine ? ', yours: remove it' : ': add yours'),
        'data-key': message.ts + ':reaction:' + r.name,
        onclick: () => react(channel, message, r.name),
      }, (EMOJI[r.name] || ':' + r.name + ':') + ' ' + r.count))));
  }

  if (!channel.isArchived) {
    const menu = el('details', { 'data-menu': message.ts },
      el('summary', { 'data-key': message.ts + ':react', 'aria-label': 'Add a reaction' }, '☺ React'),
      el('div', { class: 'emoji-menu', role: 'group', 'aria-label': 'Reactions to add' }, REACTIONS.map((name) =>
        el('button', {
          type: 'button',
          title: ':' + name + ':',
          'aria-label': 'React with :' + name + ':',
          'data-key': message.ts + ':add:' + name,
          onclick: () => { menu.open = false; react(channel, message, name); },
        }, EMOJI[name]))));
    menu.addEventListener('toggle', () => placeMenu(menu));
    if (page.openMenu === message.ts) menu.open = true;
    const shortcut = (callbackId) => () => { shortcuts.open = false; post('shortcuts', { user: page.me, channel: channel.id, ts: message.ts, callbackId }); };
    const shortcuts = el('details', { 'data-menu': message.ts + ':shortcuts' },
      el('summary', { 'data-key': message.ts + ':shortcuts', 'aria-label': 'Message shortcuts' }, '⚡ Shortcuts'),
      el('div', { class: 'shortcut-menu', role: 'group', 'aria-label': 'Message shortcuts' },
        el('button', { type: 'button', 'data-key': message.ts + ':timeline', onclick: shortcut('add_to_incident_timeline') }, 'Add to incident timeline'),
        el('button', { type: 'button', 'data-key': message.ts + ':declare', onclick: shortcut('declare_incident_from_message') }, 'Declare incident')));
    shortcuts.addEventListener('toggle', () => placeMenu(shortcuts));
    if (page.openMenu === message.ts + ':shortcuts') shortcuts.open = true;
    item.append(el('div', { class: 'tools' },
      menu,
      shortcuts,
      message.pinnedBy ? null : el('button', { type: 'button', 'data-key': message.ts + ':pin', onclick: () => post('pins', { user: page.me, channel: channel.id, ts: message.ts }) }, '📌 Pin'),
      message.replies ? el('button', { type: 'button', 'data-key': message.ts + ':reply', onclick: () => startThread(message) }, '💬 Reply in thread') : null));
  }

  if (message.replies && message.replies.length) {
    item.append(el('ol', { class: 'replies', 'aria-label': 'Replies' }, message.replies.map((r) => renderMessage(r, channel, false))));
  }
  return item;
}

function react(channel, message, name) {
  return post('reactions', { user: page.me, channel: channel.id, ts: message.ts, name });
}

function startThread(message) {
  page.threadTs = message.ts;
  renderComposer();
  $('message-input').focus();
}

// ---- the page ----

// Puts items ({ sig, make }) into container in order, keeping each node whose signature is unchanged where it is:
// a refresh that changed nothing on screen leaves the nodes alone, so a click or an open menu in the middle of it is
// not lost.
function patch(container, items) {
  const wanted = new Set(items.map((item) => item.sig));
  const old = new Map();
  for (const node of [...container.children]) {
    if (wanted.has(node.dataset.sig) && !old.has(node.dataset.sig)) old.set(node.dataset.sig, node);
    else node.remove();
  }
  let at = container.firstElementChild;
  for (const item of items) {
    let node = old.get(item.sig);
    if (node) {
      old.delete(item.sig);
    } else {
      node = item.make();
      node.dataset.sig = item.sig;
    }
    if (node === at) at = at.nextElementSibling;
    else container.insertBefore(node, at);
  }
}

function render() {
  const state = page.state;
  page.me = state.me;
  page.channel = state.channel.id;
  localStorage.setItem('sandbox.me', page.me);
  localStorage.setItem('sandbox.channel', page.channel);
  const focusKey = document.activeElement && document.activeElement.getAttribute('data-key');
  const list = $('messages');
  // The reaction menu open now stays open: read from the page, since its toggle event may not have fired yet.
  const openMenu = list.querySelector('details[data-menu][open]');
  page.openMenu = openMenu ? openMenu.dataset.menu : null;
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;

  const who = $('who');
  if (!who.options.length) {
    for (const u of state.users.filter((x) => !x.isBot)) who.append(el('option', { value: u.id }, u.realName + ' (@' + u.name + ')'));
  }
  who.value = state.me;

  patch($('channels'), state.channels.map((c) => ({
    sig: JSON.stringify([c, c.id === state.channel.id]),
    make: () => el('li', { class: c.isArchived ? 'archived' : null },
      el('button', {
        type: 'button',
        'aria-current': c.id === state.channel.id ? 'true' : 'false',
        'data-key': 'channel:' + c.id,
        onclick: () => { page.channel = c.id; page.home = false; page.threadTs = null; page.highlight = null; load().then(() => { $('messages').scrollTop = $('messages').scrollHeight; }); },
      }, (c.isPrivate ? '🔒 ' : '# ') + c.name + (c.isArchived ? ' (archived)' : ''))),
  })));

  const channel = state.channel;
  $('channel-name').textContent = '#' + channel.name + (channel.isArchived ? ' (archived)' : '');
  $('channel-topic').replaceChildren(channel.topic ? mrkdwn(channel.topic) : document.createTextNode(channel.purpose || ''));
  document.title = '#' + channel.name + ' · IncidentBot sandbox';

  const pinned = state.messages.filter((m) => m.pinnedBy);
  $('pins').hidden = pinned.length === 0;
  $('pins').replaceChildren(el('strong', {}, '📌 Pinned'), el('ul', {}, pinned.map((m) =>
    el('li', {}, el('a', { href: '#m' + m.ts.replace('.', '') }, excerpt(m))))));

  // A message is drawn from itself, its channel and the names its text may mention.
  const names = JSON.stringify([channel.id, channel.isArchived, state.users, state.channels.map((c) => c.name)]);
  const item = (message, isEphemeral) => ({
    ts: message.ts,
    sig: names + JSON.stringify([message, isEphemeral]),
    make: () => renderMessage(message, channel, isEphemeral),
  });
  patch(list, state.messages.map((m) => item(m, false))
    .concat(state.ephemerals.map((e) => item(e, true)))
    .sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0)));
  const highlighted = page.highlight && document.getElementById(page.highlight);
  if (highlighted) highlighted.classList.add('highlight');
  if (nearBottom) list.scrollTop = list.scrollHeight;
  for (const open of list.querySelectorAll('details[data-menu][open]')) placeMenu(open);

  renderComposer();
  renderHome();
  renderModal(state.view);
  if (focusKey) {
    const again = document.querySelector('[data-key="' + CSS.escape(focusKey) + '"]');
    if (again) again.focus();
  }
}

// The App Home tab in place of the channel: the view the bot last published for this person.
function renderHome() {
  $('home').hidden = !page.home;
  $('messages').hidden = page.home;
  $('composer').hidden = page.home;
  $('open-home').setAttribute('aria-current', page.home ? 'true' : 'false');
  if (!page.home) return;
  $('pins').hidden = true;
  $('channel-name').textContent = 'IncidentBot · Home';
  $('channel-topic').textContent = '';
  document.title = 'Home · IncidentBot sandbox';
  const home = page.state.home;
  $('home').replaceChildren(...(home
    ? renderBlocks(home.blocks || [], { prefix: 'home:', act: () => say('This sandbox does not send actions from the Home tab.') })
    : [el('p', {}, 'Opening the Home tab…')]));
}

function openHome() {
  page.home = true;
  render();
  post('home', { user: page.me, channel: page.channel });
}

function excerpt(message) {
  const header = (message.blocks || []).find((b) => b.type === 'header');
  const text = header ? header.text.text : decodeEntities(message.text || '').replace(/<[^>]*>/g, '');
  return text.length > 90 ? text.slice(0, 89) + '…' : text;
}

function renderComposer() {
  const channel = page.state.channel;
  $('archived-note').hidden = !channel.isArchived;
  $('thread-note').hidden = !page.threadTs;
  $('message-input').disabled = channel.isArchived;
  $('send').disabled = channel.isArchived;
  $('message-input').placeholder = page.threadTs ? 'Reply in the thread…' : 'Message #' + channel.name;
}

async function send(event) {
  event.preventDefault();
  const input = $('message-input');
  const text = input.value.trim();
  if (!text) return;
  $('send').disabled = true;
  try {
    const answer = await post('compose', { user: page.me, channel: page.channel, text, threadTs: page.threadTs });
    if (answer) {
      input.value = '';
      $('messages').scrollTop = $('messages').scrollHeight;
    }
  } finally {
    $('send').disabled = false;
  }
  await load();
  $('messages').scrollTop = $('messages').scrollHeight;
}

// ---- modals ----

function renderInput(block, blockId) {
  const element = block.element || {};
  const id = 'input-' + blockId;
  const label = block.label ? block.label.text : blockId;
  const wrapper = el('div', { class: 'input-block', 'data-block': blockId, 'data-action': element.action_id, 'data-type': element.type });
  const optional = block.optional ? el('span', { class: 'optional' }, ' (optional)') : null;
  if (element.type === 'checkboxes') {
    const initial = (element.initial_options || []).map((o) => o.value);
    wrapper.append(el('fieldset', {}, el('legend', {}, label, optional), (element.options || []).map((o, i) => el('label', {},
      el('input', { type: 'checkbox', value: o.value, id: id + '-' + i, checked: initial.includes(o.value) }), ' ', optionText(o)))));
  } else {
    wrapper.append(el('label', { for: id }, label, optional));
    if (element.type === 'static_select' || element.type === 'users_select') {
      const options = element.type === 'users_select'
        ? page.state.users.filter((u) => !u.isBot).map((u) => ({ value: u.id, text: { text: u.realName } }))
        : element.options || [];
      const initial = element.initial_option ? element.initial_option.value : element.initial_user || '';
      wrapper.append(el('select', { id, required: !block.optional, 'aria-describedby': id + '-error' },
        el('option', { value: '' }, element.placeholder ? element.placeholder.text : 'Choose'),
        options.map((o) => el('option', { value: o.value, selected: o.value === initial }, optionText(o)))));
    } else {
      const attrs = {
        id,
        'aria-describedby': id + '-error',
        required: !block.optional,
        maxlength: element.max_length || null,
        placeholder: element.placeholder ? element.placeholder.text : null,
      };
      const field = element.multiline ? el('textarea', { ...attrs, rows: '4' }) : el('input', { ...attrs, type: 'text' });
      field.value = element.initial_value || '';
      wrapper.append(field);
    }
  }
  if (block.hint) wrapper.append(el('p', { class: 'hint' }, block.hint.text));
  wrapper.append(el('p', { class: 'field-error', id: id + '-error', hidden: true }));
  return wrapper;
}

function renderModal(view) {
  const dialog = $('modal');
  if (!view) {
    if (dialog.open) dialog.close();
    page.viewShown = null;
    return;
  }
  const shownAs = view.id + JSON.stringify(view.view);
  if (dialog.open && page.viewShown === shownAs) return;
  page.viewShown = shownAs;
  $('modal-title').textContent = view.view.title ? view.view.title.text : 'Form';
  $('modal-submit').textContent = view.view.submit ? view.view.submit.text : 'Submit';
  $('modal-submit').hidden = !view.view.submit;
  $('modal-close').textContent = view.view.close ? view.view.close.text : 'Cancel';
  $('modal-error').hidden = true;
  $('modal-body').replaceChildren(...renderBlocks(view.view.blocks || [], { prefix: 'modal:', act: () => say('This sandbox does not send actions from inside forms.') }));
  dialog.dataset.viewId = view.id;
  if (!dialog.open) dialog.showModal();
  const first = dialog.querySelector('input, textarea, select');
  if (first) first.focus();
}

function stateValues() {
  const values = {};
  for (const block of $('modal-body').querySelectorAll('.input-block')) {
    const type = block.dataset.type;
    let value;
    if (type === 'checkboxes') {
      value = { type, selected_options: [...block.querySelectorAll('input:checked')].map((c) => ({ text: { type: 'plain_text', text: c.parentElement.textContent.trim() }, value: c.value })) };
    } else if (type === 'static_select') {
      const select = block.querySelector('select');
      value = { type, selected_option: select.value ? { text: { type: 'plain_text', text: select.selectedOptions[0].textContent }, value: select.value } : null };
    } else if (type === 'users_select') {
      value = { type, selected_user: block.querySelector('select').value || null };
    } else {
      value = { type: type || 'plain_text_input', value: block.querySelector('input, textarea').value };
    }
    values[block.dataset.block] = { [block.dataset.action]: value };
  }
  return values;
}

function checkRequired() {
  let ok = true;
  for (const field of $('modal-body').querySelectorAll('[required]')) {
    const error = $(field.id + '-error');
    const missing = !field.value.trim();
    error.hidden = !missing;
    error.textContent = missing ? 'Please fill in this field.' : '';
    field.setAttribute('aria-invalid', missing ? 'true' : 'false');
    if (missing && ok) { field.focus(); ok = false; }
  }
  return ok;
}

async function submitModal(event) {
  event.preventDefault();
  if (!checkRequired()) return;
  const viewId = $('modal').dataset.viewId;
  const answer = await post('views/' + viewId + '/submit', { user: page.me, values: stateValues() });
  if (answer && answer.errors) {
    let first = true;
    for (const [blockId, message] of Object.entries(answer.errors)) {
      const error = $('input-' + blockId + '-error');
      const field = $('input-' + blockId);
      if (error) { error.textContent = message; error.hidden = false; } else { $('modal-error').textContent = message; $('modal-error').hidden = false; }
      if (field) field.setAttribute('aria-invalid', 'true');
      if (first && field) { field.focus(); first = false; }
    }
    return;
  }
  await load();
}

async function closeModal() {
  const viewId = $('modal').dataset.viewId;
  if (viewId) await post('views/' + viewId + '/close', { user: page.me });
  await load();
}

// ---- the sandbox's clock ----

// The sandbox runs on its own clock, which a person may move ahead: what falls due in the skipped time (an update
// reminder, an escalation step) happens at once.
function showClock(answer) {
  if (!answer) return;
  const ahead = answer.aheadMinutes;
  $('clock').textContent = ahead > 0 ? 'Sandbox clock: ' + ahead + ' min ahead of real time' : 'Sandbox clock: real time';
}

async function skipAhead() {
  const answer = await post('clock/advance', { minutes: 30 });
  if (!answer) return;
  showClock(answer);
  say('Skipped ahead 30 minutes: whatever fell due meanwhile happens now.');
}

// ---- start ----

// The sample alert goes to the bot's /alerts/pagerduty, signed as PagerDuty signs; a second one joins the first's incident.
async function fireAlert() {
  const answer = await post('alerts/pagerduty', {});
  if (answer) say(answer.incident ? `The alert ${answer.outcome === 'declared' ? 'declared' : 'joined'} ${answer.incident}.` : `The alert was ${answer.outcome}.`);
}

// Someone other than the person at the page reacts with the scribe's emoji to the newest message of the open channel.
async function sampleReaction() {
  const answer = await post('samples/reaction', { user: page.me, channel: page.channel });
  if (answer) say(answer.name + ' reacted :' + answer.reaction + ': to the newest message.');
}

// The sandbox's clock moves to the open war room's next update reminder (or the newest open incident's).
async function sampleReminder() {
  const answer = await post('samples/reminder', { channel: page.channel });
  if (!answer) return;
  showClock(answer);
  say('The update reminder of ' + answer.incident + ' is due now.');
}

// A reaction or shortcut menu opens upward when there is no room for it below, inside the message list: the newest
// message's menu must not be cut off by the composer.
function placeMenu(details) {
  const menu = details.querySelector('.emoji-menu, .shortcut-menu');
  if (!menu) return;
  menu.classList.remove('up');
  if (!details.open) return;
  const list = $('messages').getBoundingClientRect();
  if (menu.getBoundingClientRect().bottom > list.bottom) menu.classList.add('up');
}

document.addEventListener('DOMContentLoaded', () => {
  $('fire-alert').addEventListener('click', fireAlert);
  $('sample-reaction').addEventListener('click', sampleReaction);
  $('sample-reminder').addEventListener('click', sampleReminder);
  $('composer').addEventListener('submit', send);
  $('message-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) send(event);
  });
  $('cancel-thread').addEventListener('click', () => { page.threadTs = null; renderComposer(); $('message-input').focus(); });
  $('who').addEventListener('change', () => { page.me = $('who').value; page.threadTs = null; if (page.home) openHome(); else load(); });
  $('open-home').addEventListener('click', openHome);
  $('skip-ahead').addEventListener('click', skipAhead);
  $('modal-form').addEventListener('submit', submitModal);
  $('modal-close').addEventListener('click', closeModal);
  $('modal').addEventListener('cancel', (event) => { event.preventDefault(); closeModal(); });
  // A permalink, /archives/C…/p1764000000000100: open that channel and show that message.
  const link = /^\/archives\/([A-Z0-9]+)\/p(\d+)/.exec(location.pathname);
  if (link) page.channel = link[1];
  load().then(() => {
    const target = link && document.getElementById('m' + link[2]);
    if (target) {
      page.highlight = target.id;
      target.classList.add('highlight');
      target.scrollIntoView({ block: 'center' });
    } else {
      $('messages').scrollTop = $('messages').scrollHeight;
    }
  });
  fetch('/sandbox/clock').then((r) => (r.ok ? r.json() : null)).then(showClock, () => {});
  listen();
});
