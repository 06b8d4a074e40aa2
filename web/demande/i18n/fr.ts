/**
 * The /demande/ page's texts in French (the reference). Dutch and German are files with the same keys
 * (the type below makes a missing key a compile error), registered in ./index.ts.
 */
export const fr = {
  'app.title': 'Demander un chèque commerce (études, 19 à 21 ans)',
  'app.name': 'Chèque commerce',
  'form.title': 'Demander mon chèque commerce',
  'form.intro':
    'Vous avez de {minAge} à {maxAge} ans et vous suivez des études ? Demandez ici votre chèque commerce de {amount}, à dépenser dans les commerces de la commune.',
  'form.loading': 'Chargement…',
  'form.closed': 'Les demandes ne sont pas ouvertes pour le moment.',
  'form.unavailable': 'Le service est momentanément indisponible. Réessayez dans quelques minutes.',
  'form.required': 'Tous les champs sont obligatoires.',
  'campaign.label': 'Campagne',

  'person.legend': 'Vous',
  'nn.label': 'Numéro de registre national',
  'nn.hint':
    '11 chiffres, au dos de votre carte d’identité : AA.MM.JJ-SSS.CC. Les six premiers sont votre date de naissance ; les deux derniers sont calculés à partir des neuf autres, ce qui révèle toute faute de frappe.',
  'nn.progress': '{count} chiffres sur 11.',
  'nn.ok': 'Numéro valide : les chiffres de contrôle correspondent.',
  'nn.NATIONAL_NUMBER_MISSING': 'Tapez votre numéro de registre national.',
  'nn.NATIONAL_NUMBER_FORMAT':
    'Le numéro a 11 chiffres, vous en avez tapé {digits} : vérifiez sur votre carte d’identité.',
  'nn.NATIONAL_NUMBER_CHECK_DIGITS':
    'Les deux derniers chiffres ne correspondent pas aux neuf premiers : il y a une faute de frappe. Vérifiez sur votre carte d’identité.',
  'nn.NATIONAL_NUMBER_DATE': 'Les six premiers chiffres ne forment pas une date de naissance (AAMMJJ) : vérifiez-les.',
  'nn.NATIONAL_NUMBER_SEQUENCE': 'Aucun numéro ne contient {sequence} en 7e à 9e position : vérifiez-le.',
  'birth.label': 'Date de naissance',
  'birth.missing': 'Indiquez votre date de naissance.',
  'birth.mismatch': 'Cette date ne correspond pas à votre numéro de registre national : vérifiez l’une et l’autre.',
  'postcode.label': 'Code postal de votre domicile',
  'postcode.hint': 'Celui de l’adresse où vous êtes inscrit(e) au registre de la population.',
  'postcode.invalid': 'Un code postal belge a 4 chiffres.',
  'email.label': 'Adresse e-mail',
  'email.hint': 'Nous y enverrons l’accusé de réception, puis la décision.',
  'email.invalid': 'Vérifiez l’adresse e-mail : elle s’écrit comme nom@exemple.be.',

  'proof.legend': 'Attestation d’inscription scolaire',
  'proof.hint': 'Une photo nette ou un PDF de l’attestation de votre école : PDF, JPEG ou PNG, {maxSize} au plus.',
  'proof.year': 'Elle doit porter sur l’année scolaire {schoolYear}.',
  'proof.camera': 'Prendre une photo de l’attestation',
  'proof.file': 'Ou choisir un fichier (PDF ou photo)',
  'proof.chosen': 'Fichier choisi : {name} ({size}).',
  'proof.missing': 'Joignez votre attestation : une photo ou un PDF.',
  'proof.type': 'Ce type de fichier n’est pas accepté : envoyez un PDF ou une photo JPEG ou PNG.',
  'proof.tooLarge': 'Ce fichier fait {size}, le maximum est {maxSize} : reprenez la photo ou envoyez un PDF.',
  'proof.empty': 'Ce fichier est vide : choisissez-en un autre.',

  'consent.legend': 'Vos données',
  'consent.text':
    'La commune utilise ces données uniquement pour vérifier votre droit au chèque commerce dans le registre de la population et pour vous répondre. Elles sont effacées à la fin de la campagne.',
  'consent.label': 'J’accepte que la commune traite ces données pour ma demande.',
  'consent.missing':
    'Cochez la case pour accepter le traitement de vos données : sans cet accord, la demande ne peut pas être envoyée.',

  submit: 'Envoyer ma demande',

  'sending.title': 'Envoi de votre demande',
  'sending.filing': 'Enregistrement de la demande…',
  'sending.upload': 'Envoi de l’attestation : {percent} %',
  'sending.submitting': 'Dernière étape…',
  'sending.progress': 'Progression de l’envoi de l’attestation',
  'sending.retry': 'Réessayer',
  'sending.back': 'Revenir au formulaire',

  'error.NETWORK': 'Pas de connexion au service. Vérifiez le réseau (wifi ou données mobiles) et réessayez.',
  'error.TOO_MANY_ATTEMPTS': 'Trop de demandes ont été envoyées depuis cette connexion. Réessayez dans {minutes} min.',
  'error.APPLICATIONS_CLOSED': 'Les demandes sont fermées pour cette campagne.',
  'error.PROOF_INVALID': 'Le fichier reçu n’est pas un PDF, un JPEG ou un PNG lisible : choisissez-en un autre.',
  'error.UPLOAD': 'L’envoi de l’attestation a échoué. Vérifiez le réseau et réessayez.',
  'error.FIELDS': 'Corrigez les champs signalés, puis envoyez à nouveau.',
  'error.OTHER': 'Le service est momentanément indisponible. Réessayez dans quelques minutes.',

  'receipt.title': 'Demande envoyée',
  'receipt.reference': 'Votre référence',
  'receipt.email': 'Nous vous répondrons par e-mail. Un accusé de réception part à l’instant vers l’adresse indiquée.',
  'receipt.next':
    'La commune vérifie votre demande et votre attestation. Si elle est acceptée, la lettre avec votre chèque commerce est envoyée à votre domicile.',
  'receipt.keep': 'Gardez cette référence : elle vous sera demandée si vous contactez la commune.',
} as const;

export type DemandeMessageKey = keyof typeof fr;
export type DemandeCatalogue = Readonly<Record<DemandeMessageKey, string>>;
