// Personal data: the export and account deletion (SPEC C11), Simplified Chinese. Spread into
// zh-CN.ts; the English twin (privacy.en.ts) must have the same keys.
export const privacyZhCN = {
  privacy: {
    link: '个人数据与注销',
    title: '个人数据与注销账号',
    exportTitle: '下载我的数据',
    exportBody: '一个 JSON 文件，包含集市保存的关于你的全部数据：资料、笔记、评论、商品、订单、议价、聊天、评价、钱包流水、提现、地址、通知、举报、售后和信用分。身份证号只以打码形式出现，密码和登录凭证从不导出。',
    exportButton: '下载数据（JSON）',
    exportLimit: '每小时最多下载 10 次。',
    deleteTitle: '注销账号',
    deleteIntro: '注销后无法恢复。',
    goneTitle: '会被删除的',
    gone: '昵称、简介、城市、兴趣标签和头像；密码和实名信息（身份证号可以用来认证新账号）；你的笔记和照片；评论的内容；点赞、收藏、关注、地址和通知。在售商品会下架，未完成的议价会撤回，未付款的订单会取消，所有登录会立即失效。用户名会被释放，可以重新注册。',
    keptTitle: '会保留的',
    kept: '已有的订单、售后记录、账本流水和评价，以及你在聊天中发出的消息：交易对方和法律需要它们。这些记录里你会显示为「已注销用户」。',
    password: '输入密码确认',
    confirm: '我已了解，注销后无法恢复',
    submit: '永久注销账号',
    submitting: '正在注销…',
    wrongPassword: '密码不对，账号没有注销。',
    blockedTitle: '暂时无法注销：',
    blocker: {
      open_orders: '你有 {{count}} 笔进行中的订单，请先完成或取消。',
      open_cases: '你有 {{count}} 个未结束的售后，请等待结束或撤回你发起的。',
      wallet_not_empty: '钱包里还有 {{amount}}，请先提现。',
      withdrawal_processing: '还有提现在处理中，请等到账后再注销。',
    },
    ordersLink: '查看订单',
    walletLink: '去钱包',
    done: '账号已注销。感谢你来过集市。',
    backHome: '回到首页',
  },
};
