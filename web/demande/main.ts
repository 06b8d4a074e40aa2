/**
 * /demande/: a young person of the on-application band applies for a voucher. The form checks every field
 * with the API's own rules as it is filled; sending files the application, uploads the proof with its
 * progress, submits, and shows the receipt with the reference. The answer is the same whatever the register
 * holds: the town replies by e-mail.
 */
import '../citizen/citizen.css';
import './demande.css';
import type { PublicCampaign } from '../../shared/api/public.ts';
import { applicationReference } from '../../shared/applications/application.ts';
import { createMessages } from '../citizen/messages.ts';
import { setupLanguage } from '../citizen/page-language.ts';
import { byId, show, translatePage } from '../lib/dom.ts';
import { formatAmount } from '../lib/i18n/format.ts';
import { pageLanguage } from '../lib/i18n/index.ts';
import { openCampaigns } from './application-api.ts';
import { fieldsOf, readFields, watchNationalNumber } from './fields.ts';
import { isMessageKey, LANGUAGES, t } from './i18n/index.ts';
import { checkProof, formatBytes, MAX_PROOF_SIZE_TEXT, type ProofCheck } from './proof.ts';
import { type Screen, setupSending } from './sending.ts';

const form = byId<HTMLFormElement>('application');
const campaignSelect = byId<HTMLSelectElement>('campaign');
const campaignsStatus = byId('campaigns-status');
const proofMessage = byId('proof-message');
const proofChosen = byId('proof-chosen');
const cameraInput = byId<HTMLInputElement>('proof-camera');
const fileInput = byId<HTMLInputElement>('proof-file');
const messages = createMessages(t);
const fields = fieldsOf();

let campaigns: readonly PublicCampaign[] = [];
let proof: File | undefined;
/** What checking the last file chosen found: its refusal is said again on sending, not "no file". */
let proofCheck: ProofCheck | undefined;

const SCREENS: Record<Screen, HTMLElement> = {
  form: byId('screen-form'),
  sending: byId('screen-sending'),
  receipt: byId('screen-receipt'),
};

function showScreen(screen: Screen): void {
  for (const [name, section] of Object.entries(SCREENS)) show(section, name === screen);
  const heading = SCREENS[screen].querySelector<HTMLElement>('h1');
  heading?.focus();
  window.scrollTo(0, 0);
}

function chosenCampaign(): PublicCampaign | undefined {
  return campaigns.find((campaign) => campaign.campaignId === campaignSelect.value) ?? campaigns[0];
}

/** The texts that depend on the campaign (ages, amount, school year) and on the file chosen. */
function renderDetails(): void {
  const campaign = chosenCampaign();
  byId('intro').textContent = campaign
    ? t('form.intro', {
        minAge: campaign.onApplication.minAge,
        maxAge: campaign.onApplication.maxAge,
        amount: formatAmount(campaign.faceValueCents),
      })
    : '';
  byId('proof-hint').textContent = t('proof.hint', { maxSize: MAX_PROOF_SIZE_TEXT() });
  const schoolYear = campaign?.onApplication.schoolYear;
  byId('proof-year').textContent = schoolYear ? t('proof.year', { schoolYear }) : '';
  proofChosen.textContent = proof ? t('proof.chosen', { name: proof.name, size: formatBytes(proof.size) }) : '';
}

function render(): void {
  translatePage(t, isMessageKey);
  document.title = t('app.title');
  messages.redraw();
  renderDetails();
  sending.render();
}

function chooseProof(input: HTMLInputElement): void {
  const file = input.files?.[0];
  if (!file) return;
  // One proof per application: the other input's choice is dropped, and so is a file refused here.
  (input === cameraInput ? fileInput : cameraInput).value = '';
  proofCheck = checkProof(file);
  proof = proofCheck.ok ? file : undefined;
  if (proofCheck.ok) messages.clear(proofMessage);
  else {
    input.value = '';
    messages.say(proofMessage, proofCheck.key, { values: proofCheck.values });
  }
  renderDetails();
}

const sending = setupSending({
  messages,
  showScreen,
  onFieldRefused: (field) => {
    showScreen('form');
    messages.say(byId('form-message'), 'error.FIELDS');
    field?.focus();
  },
  onProofRefused: () => {
    proof = undefined;
    proofCheck = undefined;
    cameraInput.value = '';
    fileInput.value = '';
    renderDetails();
    showScreen('form');
    messages.say(proofMessage, 'error.PROOF_INVALID');
    cameraInput.focus();
  },
  fields,
  receipt: (applicationId) => {
    byId('reference').textContent = applicationReference(applicationId);
  },
});

cameraInput.addEventListener('change', () => chooseProof(cameraInput));
fileInput.addEventListener('change', () => chooseProof(fileInput));
campaignSelect.addEventListener('change', renderDetails);
watchNationalNumber(fields, messages);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  messages.clear(byId('form-message'));
  const values = readFields(fields, messages);
  const check = proof ? checkProof(proof) : (proofCheck ?? checkProof(undefined));
  if (!check.ok) messages.say(proofMessage, check.key, { values: check.values });
  const campaign = chosenCampaign();
  if (!values || !campaign) return;
  if (!check.ok) {
    cameraInput.focus();
    return;
  }
  void sending.start(
    campaign.campaignId,
    {
      ...values,
      language: pageLanguage() as 'fr' | 'nl' | 'de',
      consent: true,
      proof: { contentType: check.contentType, bytes: check.file.size },
    },
    check.file,
  );
});

setupLanguage({ languages: LANGUAGES, switchContainer: byId('languages'), render });
messages.say(campaignsStatus, 'form.loading', { kind: 'info' });

openCampaigns()
  .then(({ items }) => {
    campaigns = items;
    if (items.length === 0) {
      messages.say(campaignsStatus, 'form.closed', { kind: 'info' });
      return;
    }
    messages.clear(campaignsStatus);
    campaignSelect.replaceChildren(...items.map((campaign) => new Option(campaign.name, campaign.campaignId)));
    // A town usually runs one campaign at a time: the choice is only offered when there is one to make.
    show(byId('campaign-field'), items.length > 1);
    show(form, true);
    renderDetails();
  })
  .catch(() => messages.say(campaignsStatus, 'form.unavailable'));
