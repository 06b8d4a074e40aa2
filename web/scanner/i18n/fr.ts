/**
 * The scanner's texts in French (the reference town's language). Dutch or German is another file with the
 * same keys (the type below makes a missing key a compile error), registered in ./index.ts.
 */
export const fr = {
  'app.title': 'Chèque commerce : encaisser un bon',
  'app.name': 'Chèque commerce',
  'app.loading': 'Chargement…',
  'nav.label': 'Compte du commerce',
  'nav.today': 'Encaissements du jour',
  'nav.signOut': 'Se déconnecter',

  'signin.title': 'Connexion du commerce',
  'signin.intro': 'Connectez-vous avec l’identifiant de votre commerce. Ce téléphone restera connecté pour la journée.',
  'signin.username': 'Identifiant',
  'signin.password': 'Mot de passe',
  'signin.submit': 'Se connecter',
  'signin.pending': 'Connexion en cours…',
  'signin.missing': 'Tapez l’identifiant et le mot de passe de votre commerce.',
  'signin.expired': 'Votre session a expiré : reconnectez-vous pour continuer.',
  'signin.signedOut': 'Vous êtes déconnecté.',
  'signin.notMerchant':
    'Ce compte n’est pas celui d’un commerce partenaire. Connectez-vous avec l’identifiant de votre commerce.',
  'signin.error.INVALID_CREDENTIALS': 'Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez.',
  'signin.error.NEW_PASSWORD_REQUIRED': 'Ce compte doit recevoir un nouveau mot de passe : contactez la commune.',
  'signin.error.TOO_MANY_REQUESTS': 'Trop d’essais de connexion. Attendez quelques minutes avant de réessayer.',
  'signin.error.NETWORK': 'Pas de connexion au service. Vérifiez le réseau (wifi ou données mobiles) et réessayez.',
  'signin.error.UNAVAILABLE':
    'Le service de connexion est momentanément indisponible. Réessayez dans quelques minutes.',

  'scan.title': 'Scanner un bon',
  'scan.video': 'Image de la caméra',
  'scan.camera.starting': 'Ouverture de la caméra…',
  'scan.camera.ready': 'Placez le QR code du bon dans le cadre.',
  'scan.camera.unavailable': 'Caméra indisponible (pas de caméra, ou accès refusé) : tapez le code du bon ci-dessous.',
  'scan.camera.notVoucher': 'Ce QR code n’est pas celui d’un chèque commerce.',
  'scan.torch': 'Lampe',
  'scan.checking': 'Vérification du bon…',
  'scan.manual.title': 'Ou tapez le code',
  'scan.code.label': 'Code du bon',
  'scan.code.hint': '17 caractères, imprimés sous le QR code : XXXX-XXXX-XXXX-XXXX-X (tirets facultatifs).',
  'scan.code.submit': 'Vérifier',
  'code.EMPTY': 'Tapez le code imprimé sous le QR code de la lettre.',
  'code.WRONG_LENGTH':
    'Le code a 17 caractères, vous en avez tapé {count} : vérifiez qu’il n’en manque ou n’en dépasse pas.',
  'code.INVALID_CHARACTER':
    'Le code ne contient que des chiffres et des lettres (jamais de U) : vérifiez chaque caractère.',
  'code.CHECK_FAILED': 'Ce code contient une faute de frappe : vérifiez chaque caractère et retapez-le.',

  'voucher.title': 'Solde du bon',
  'voucher.code': 'Bon se terminant par {end}',
  'voucher.validUntil': 'valable jusqu’au {date}',
  'voucher.status.EXPIRED': 'Ce bon a expiré le {date} : il ne peut plus être encaissé.',
  'voucher.status.VOIDED':
    'Ce bon a été annulé et remplacé : il ne peut plus être utilisé. Son titulaire peut s’adresser à la commune.',
  'voucher.status.NOT_YET_VALID': 'Ce bon n’est pas encore utilisable : il le sera à partir du {date}.',
  'voucher.empty': 'Ce bon est entièrement utilisé : il ne reste rien à encaisser.',
  'voucher.amount.label': 'Montant',
  'voucher.amount.hint': 'Montant de l’achat en euros, par exemple 12,50 (au plus {balance}).',
  'voucher.amount.submit': 'Encaisser',
  'voucher.newScan': 'Nouveau scan',
  'amount.empty': 'Tapez le montant de l’achat, par exemple 12,50.',
  'amount.invalid': 'Montant non reconnu : tapez des euros et des centimes, par exemple 12,50.',
  'amount.zero': 'Le montant doit être supérieur à 0,00 €.',
  'amount.tooMuch': 'Le montant dépasse le solde du bon ({balance}) : encaissez au plus {balance}.',

  'confirm.title': 'Confirmer l’encaissement',
  'confirm.amount': 'Montant à encaisser',
  'confirm.after': 'Solde du bon après l’encaissement',
  'confirm.submit': 'Confirmer',
  'confirm.back': 'Modifier le montant',
  'confirm.pending': 'Encaissement en cours…',
  'confirm.retrying': 'Pas de réponse du service : nouvel essai ({attempt}). Le bon ne sera débité qu’une seule fois.',
  'confirm.giveUp': 'Abandonner',
  'confirm.abandoned':
    'Encaissement interrompu sans réponse : il a peut-être été enregistré. Réessayez (le bon ne sera jamais débité deux fois) ou consultez les encaissements du jour.',
  'confirm.retry': 'Réessayer',
  'confirm.newScan': 'Nouveau scan',

  'receipt.title': 'Encaissement effectué',
  'receipt.amount': 'Montant encaissé',
  'receipt.balance': 'Solde restant sur le bon',
  'receipt.time': 'Heure',
  'receipt.reference': 'Référence',
  'receipt.newScan': 'Nouveau scan',
  'receipt.reverse': 'Annuler cet encaissement',
  'receipt.reverse.question': 'Annuler l’encaissement de {amount} et le rendre au bon ?',
  'receipt.reverse.yes': 'Oui, annuler l’encaissement',
  'receipt.reverse.no': 'Non, le garder',
  'receipt.reverse.pending': 'Annulation en cours…',
  'receipt.reversed': 'Encaissement annulé : {amount} rendus au bon. Solde du bon : {balance}.',

  'today.title': 'Encaissements du jour',
  'today.total': 'Total du jour : {total}',
  'today.count.zero': 'Aucun encaissement aujourd’hui.',
  'today.count.one': '1 encaissement',
  'today.count.many': '{count} encaissements',
  'today.loading': 'Chargement des encaissements…',
  'today.reversed': 'annulé',
  'today.back': 'Retour au scanner',

  'settlements.title': 'Remboursements',
  'settlements.intro': 'Les virements de la commune pour les bons encaissés, du plus récent au plus ancien.',
  'settlements.refresh': 'Actualiser',
  'settlements.refresh.label': 'Actualiser les remboursements',
  'settlements.loading': 'Chargement des remboursements…',
  // A non-breaking space keeps "10 jours" together on a narrow phone.
  'settlements.empty': 'Aucun remboursement pour l’instant : les achats sont remboursés dans les 10\u00a0jours.',
  'settlements.count.one': '1 remboursement',
  'settlements.count.many': '{count} remboursements',
  'settlements.paid': 'Versé le {date}',
  'settlements.pending': 'En cours de paiement',
  'settlements.pending.since': 'depuis le {date}',
  'settlements.reference': 'Communication structurée',
  'settlements.reference.none': 'pas encore attribuée',
  'settlements.purchases': 'Achats remboursés',
  'settlements.copy': 'Copier',
  'settlements.copy.label': 'Copier la communication {reference}',
  'settlements.copied': 'Communication copiée.',
  'settlements.copy.failed': 'Communication sélectionnée : copiez-la avec le menu du téléphone.',

  'error.TOO_MANY_ATTEMPTS':
    'Trop de codes inconnus essayés depuis ce commerce : les vérifications sont bloquées jusqu’à {time} (environ {minutes} min). Réessayez à ce moment-là.',
  'error.INSUFFICIENT_BALANCE': 'Le solde du bon ne suffit pas : il reste {balance}. Encaissez au plus {balance}.',
  'error.INSUFFICIENT_BALANCE.noBalance': 'Le solde du bon ne suffit pas pour ce montant : encaissez moins.',
  'error.VOUCHER_EXPIRED': 'Ce bon a expiré le {date} : il ne peut plus être encaissé.',
  'error.VOUCHER_EXPIRED.noDate': 'Ce bon a expiré : il ne peut plus être encaissé.',
  'error.CAMPAIGN_NOT_OPEN': 'Ce bon n’est pas encore utilisable : il le sera à partir du {date}.',
  'error.CAMPAIGN_NOT_OPEN.noDate': 'Ce bon n’est pas encore utilisable : la campagne n’a pas encore commencé.',
  'error.VOUCHER_NOT_FOUND':
    'Aucun bon ne porte ce code. Vérifiez-le et réessayez ; après 20 codes inconnus, les vérifications sont bloquées un moment.',
  'error.VOUCHER_VOIDED':
    'Ce bon a été annulé et remplacé : il ne peut plus être utilisé. Son titulaire peut s’adresser à la commune.',
  'error.MERCHANT_INACTIVE':
    'Votre commerce ne peut pas (ou plus) accepter ces bons. Contactez la commune pour vérifier votre inscription.',
  'error.AMOUNT_INVALID': 'Montant refusé : il doit être supérieur à 0,00 €, en euros et centimes (par exemple 12,50).',
  'error.IDEMPOTENCY_KEY_REUSED': 'Cette demande a déjà servi pour un autre montant : recommencez l’encaissement.',
  'error.REVERSAL_WINDOW_CLOSED':
    'Le délai pour annuler cet encaissement est dépassé. Contactez la commune pour le corriger.',
  'error.ALREADY_SETTLED':
    'Cet encaissement a déjà été remboursé à votre commerce : il ne peut plus être annulé. Contactez la commune.',
  'error.ALREADY_REVERSED': 'Cet encaissement est déjà annulé : le montant a été rendu au bon.',
  'error.NOT_FOUND': 'Cet encaissement est introuvable pour votre commerce.',
  'error.CONFLICT': 'Le bon est utilisé au même moment par une autre caisse. Réessayez dans un instant.',
  'error.UNAUTHENTICATED': 'Votre session a expiré : reconnectez-vous pour continuer.',
  'error.FORBIDDEN':
    'Ce compte n’est pas celui d’un commerce partenaire. Connectez-vous avec l’identifiant de votre commerce.',
  'error.INVALID_CREDENTIALS': 'Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez.',
  'error.request':
    'La demande n’a pas été comprise par le service. Rechargez la page et réessayez ; si cela continue, contactez la commune.',
  'error.INTERNAL': 'Le service a rencontré un problème. Réessayez dans un instant.',
  'error.NETWORK': 'Pas de connexion au service. Vérifiez le réseau (wifi ou données mobiles) et réessayez.',
} as const;

export type ScannerMessageKey = keyof typeof fr;
export type ScannerCatalogue = Readonly<Record<ScannerMessageKey, string>>;
